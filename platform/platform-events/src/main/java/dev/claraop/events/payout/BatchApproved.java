package dev.claraop.events.payout;

/**
 * {@code payout.batch.approved} v1: a tenant ADMIN other than the one who generated the batch approved it
 * (four eyes). The batch may now be exported to the bank.
 */
public record BatchApproved(String batchId, String approvedBy) {}
