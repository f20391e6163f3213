package dev.claraop.platform.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A support-access grant as support-access-service reports it: the tenant, not the request, decides where its
 * holder reads, and its scopes decide what.
 *
 * @param requestedBy the staff member it belongs to; nobody else may use it
 * @param approvedBy everyone whose approval it rests on (the consenting tenant ADMIN, the reviewer, or both)
 * @param status as read from support-access-service at {@code checkedAt}: ACTIVE, or an ended state
 * @param basis the complaint reference or legal basis it names, null when none
 */
public record SupportGrant(
    String id, String tenantId, String requestedBy, List<String> approvedBy, String reason, String ticketId,
    Set<GrantScope> scopes, String status, Instant expiresAt, String basis) {

  public SupportGrant {
    approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
    scopes = scopes == null || scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  /** Active strictly before its expiry, whatever a cached status says: the expiry needs no round trip. */
  public boolean activeAt(Instant now) {
    return "ACTIVE".equals(status) && expiresAt != null && now.isBefore(expiresAt) && tenantId != null
        && !tenantId.isBlank();
  }

  public boolean covers(GrantScope scope) {
    return scopes.contains(scope);
  }
}
