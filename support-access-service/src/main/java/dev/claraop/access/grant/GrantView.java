package dev.claraop.access.grant;

import java.time.Instant;
import java.util.List;

/**
 * A grant as the API shows it (DESIGN §8: id, tenantId, requestedBy, approvedBy, reason, ticketId, scopes,
 * status, expiresAt), with its request and its end. {@code status} is the status at the time of reading.
 *
 * @param approvedBy whose approval made it ACTIVE; {@code consentBy} and {@code reviewedBy} name each approval
 */
public record GrantView(
    String id, String tenantId, String requestedBy, String approvedBy, Reason reason, String ticketId,
    List<Scope> scopes, GrantStatus status, Instant expiresAt, String justification, String basis,
    int durationMinutes, Instant requestedAt, Instant decideBy, String consentBy, String reviewedBy,
    Instant approvedAt, String deniedBy, String denyReason, Instant endedAt, String endedBy, EndCause endCause) {

  static GrantView of(Grant g, Instant now) {
    GrantStatus status = g.statusAt(now);
    return new GrantView(g.id(), g.tenantId(), g.requestedBy(), g.approvedBy(), g.reason(), g.ticketId(), g.scopes(),
        status, g.expiresAt(), g.justification(), g.basis(), g.durationMinutes(), g.requestedAt(), g.decideBy(),
        g.consentBy(), g.reviewedBy(), g.approvedAt(), g.deniedBy(), g.denyReason(), g.endedAt(), g.endedBy(),
        endCause(g, status));
  }

  /** A grant past its expiry ended by expiring, even before the expiry job has written that down. */
  private static EndCause endCause(Grant g, GrantStatus status) {
    if (g.endCause() != null) return g.endCause();
    return status == GrantStatus.EXPIRED && g.status() == GrantStatus.ACTIVE ? EndCause.EXPIRED : null;
  }
}
