package dev.claraop.events.payout;

import java.math.BigDecimal;

/** {@code payout.batch.line-paid} v1: the bank paid one creator's line of the batch. No account fields. */
public record LinePaid(
    String batchId, String lineId, String creatorId, BigDecimal amount, String currency, String paidBy) {}
