package dev.claraop.retention.schedule;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A closed batch whose bank details are to be purged once its retention period after {@code closedAt} has passed.
 * It stays {@code DUE} (with the last failure) until payout-service confirms the purge: nothing due is forgotten.
 *
 * @param scheduledBy the event id of the closing that scheduled it
 * @param attempts purge calls that failed so far
 */
@Document("due_purges")
public record DuePurge(@Id String batchId, String tenantId, Instant closedAt, Status status, String scheduledBy,
    Instant scheduledAt, int attempts, String lastFailure, Instant purgedAt) {

  public enum Status { DUE, PURGED }

  public DuePurge {
    if (batchId == null || batchId.isBlank()) throw new IllegalArgumentException("a due purge without batch id");
    if (tenantId == null || tenantId.isBlank()) throw new IllegalArgumentException("a due purge without tenant");
    if (closedAt == null) throw new IllegalArgumentException("a due purge without closedAt");
  }

  public Instant dueAt(Duration purgeAfter) {
    return closedAt.plus(purgeAfter);
  }
}
