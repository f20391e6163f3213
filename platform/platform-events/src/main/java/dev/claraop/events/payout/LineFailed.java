package dev.claraop.events.payout;

import java.math.BigDecimal;

/**
 * {@code payout.batch.line-failed} v1: the bank did not pay one creator's line; it may be paid later.
 * {@code reason} is the operator's note, refused at input when it looks like bank details.
 */
public record LineFailed(
    String batchId, String lineId, String creatorId, BigDecimal amount, String currency, String failedBy,
    String reason) {}
