package dev.claraop.events.payout;

import java.time.Instant;

/**
 * {@code payout.batch.cancelled} v1: the batch was cancelled before any line was paid; its invoices are
 * free for a later batch. {@code closedAt} starts the batch's retention period.
 */
public record BatchCancelled(String batchId, String cancelledBy, String reason, Instant closedAt) {}
