package dev.claraop.events.payout;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code payout.batch.closed} v1: every line of the batch is paid. {@code closedAt} starts the batch's
 * retention period (its bank details may be purged 30 days later).
 *
 * @param status {@code FULLY_PAID}
 */
public record BatchClosed(String batchId, String status, Instant closedAt, int lineCount, BigDecimal total) {}
