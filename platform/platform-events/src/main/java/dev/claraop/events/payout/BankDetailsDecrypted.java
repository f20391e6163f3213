package dev.claraop.events.payout;

/**
 * {@code payout.pii.decrypted} v1: a batch's bank details were decrypted to make a bank file, the one place P0 is
 * read in plaintext (DESIGN §4, §6.3). One per export; names who, why, how many lines and the file's SHA-256, so a
 * file found later can be matched to this act. No bank detail.
 *
 * @param format {@code PAIN_001} or {@code CSV}
 */
public record BankDetailsDecrypted(
    String batchId, String decryptedBy, String purpose, String format, int lineCount, String fileSha256) {}
