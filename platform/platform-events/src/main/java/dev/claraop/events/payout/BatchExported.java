package dev.claraop.events.payout;

/**
 * {@code payout.batch.exported} v1: a bank file was made from the batch, the one act that decrypts its bank
 * details. {@code fileSha256} lets a file found later be matched to this export; the file itself, and
 * every account field in it, stays out of the event.
 *
 * @param format {@code PAIN_001} or {@code CSV}
 */
public record BatchExported(
    String batchId, String exportedBy, String purpose, String format, String fileSha256, int lineCount) {}
