package dev.claraop.payout.batch;

/** Where one line of a batch stands with the bank. A failed line may still be paid (a retry). */
public enum LineStatus { PENDING, PAID, FAILED }
