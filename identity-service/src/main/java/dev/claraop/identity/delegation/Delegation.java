package dev.claraop.identity.delegation;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A delegated operator's access to one tenant: one role until {@code expiresAt}, unless revoked before. */
@Document("delegations")
record Delegation(@Id String id, String tenantId, String userId, String role, Instant expiresAt, String approvedBy,
    Instant approvedAt, Instant revokedAt, List<OutboxRecord> outbox) {

  boolean activeAt(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }

  /** As the realm maps it into the operator's tokens: {@code tenant:ROLE:expiresAtEpochSeconds:id}. */
  String claim() {
    return tenantId + ":" + role + ":" + expiresAt.getEpochSecond() + ":" + id;
  }
}
