package dev.claraop.payout.export;

/**
 * Body of {@code POST /api/batches/{id}/export} (DESIGN §8): why the bank details are decrypted, and the file
 * format. Both are checked by {@link BatchExport}, which names the field of a refusal and never echoes it.
 */
public record ExportRequest(String purpose, String format) {}
