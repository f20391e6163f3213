package dev.claraop.audit.entry;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audited act. The id is the event's id, which is what makes appending idempotent. Details hold only
 * values an audit mapping chose to keep; never P0 or P1. {@code sequence}, {@code previousHash} and
 * {@code hash} link the entry into its tenant's hash chain (see {@code AuditChain}).
 */
@Document("audit_entries")
public record AuditEntry(
    @Id String id,
    String chain,
    long sequence,
    String previousHash,
    String hash,
    String tenantId,
    Instant occurredAt,
    Instant recordedAt,
    String type,
    String action,
    Resource resource,
    Actor actor,
    Outcome outcome,
    String purpose,
    Map<String, String> details,
    String correlationId) {

  /** The same entry, sealed with its hash. */
  public AuditEntry withHash(String sealed) {
    return new AuditEntry(id, chain, sequence, previousHash, sealed, tenantId, occurredAt, recordedAt, type, action,
        resource, actor, outcome, purpose, details, correlationId);
  }

  public record Resource(String type, String id) {}

  public record Actor(String kind, String id, String grantId) {}

  public enum Outcome { SUCCEEDED, FAILED, DENIED }
}
