package dev.claraop.events.payout;

import java.time.Instant;

/**
 * {@code payout.batch.purged} v1: the batch's bank snapshot was crypto-shredded (its data key deleted) once its
 * retention after {@code closedAt} had passed. Creator names, amounts and statuses stay; no account can be read
 * from the batch any more, from its history included.
 *
 * @param purgedBy the service (client id) that asked for the purge
 */
public record BatchPurged(String batchId, String purgedBy, Instant purgedAt, Instant closedAt, int lineCount) {}
