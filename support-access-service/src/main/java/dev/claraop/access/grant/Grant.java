package dev.claraop.access.grant;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff request for access and, once approved, the grant it becomes: one document from request to end, so
 * the grant id is the request id and its history is in one place. {@code version} guards every change (two
 * approvers racing: one wins, the other gets 409). {@code outbox} holds its events until Kafka has them.
 */
@Document("grants")
record Grant(
    @Id String id, String tenantId, String requestedBy, Reason reason, String ticketId, List<Scope> scopes,
    String justification, String basis, int durationMinutes, Instant requestedAt, Instant decideBy,
    String consentBy, String reviewedBy, String approvedBy, Instant approvedAt, Instant expiresAt,
    String deniedBy, String denyReason, Instant endedAt, String endedBy, EndCause endCause,
    GrantStatus status, long version, List<OutboxRecord> outbox) {

  /**
   * The status at {@code now}: a request past its decision time or a grant past its expiry is EXPIRED at
   * once, whether or not the expiry job has written that down yet.
   */
  GrantStatus statusAt(Instant now) {
    if (status == GrantStatus.PENDING && !now.isBefore(decideBy)) return GrantStatus.EXPIRED;
    if (status == GrantStatus.ACTIVE && !now.isBefore(expiresAt)) return GrantStatus.EXPIRED;
    return status;
  }

  Set<Approval> approvals() {
    Set<Approval> given = EnumSet.noneOf(Approval.class);
    if (consentBy != null) given.add(Approval.TENANT_CONSENT);
    if (reviewedBy != null) given.add(Approval.REVIEWER_ESCALATION);
    return given;
  }

  List<String> approvers() {
    return java.util.stream.Stream.of(consentBy, reviewedBy).filter(java.util.Objects::nonNull).toList();
  }

  Grant withOutbox(List<OutboxRecord> records) {
    return new Grant(id, tenantId, requestedBy, reason, ticketId, scopes, justification, basis, durationMinutes,
        requestedAt, decideBy, consentBy, reviewedBy, approvedBy, approvedAt, expiresAt, deniedBy, denyReason, endedAt,
        endedBy, endCause, status, version, records);
  }

  List<String> scopeNames() {
    return scopes.stream().map(Scope::name).toList();
  }
}
