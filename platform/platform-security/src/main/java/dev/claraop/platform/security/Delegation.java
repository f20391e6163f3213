package dev.claraop.platform.security;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a token's {@code delegations} claim: a tenant ADMIN let this user act in {@code tenantId}
 * with exactly {@code role} until {@code expiresAt} (DESIGN §3). identity-service writes the entries as
 * {@code tenant:ROLE:expiresAtEpochSeconds:delegationId}; Keycloak copies them into every token it issues,
 * so a token can outlive an entry, and the expiry is checked at each request, not when the token was made.
 */
public record Delegation(String tenantId, Role role, Instant expiresAt, String id) {

  public Delegation {
    if (tenantId == null || tenantId.isBlank()) throw new IllegalArgumentException("delegation without tenant");
    if (role == null || role.isStaff()) throw new IllegalArgumentException("a delegation carries one tenant role");
    if (expiresAt == null) throw new IllegalArgumentException("delegation without expiry");
    if (id == null || id.isBlank()) throw new IllegalArgumentException("delegation without id");
  }

  /** Active strictly before its expiry: at {@code expiresAt} itself it gives no access any more. */
  public boolean activeAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  /**
   * Parses one claim value. Anything malformed (wrong arity, unknown or staff role, non-numeric expiry) is
   * empty rather than an error: a bad entry grants nothing and must not lock the user out of their own tenant.
   * Split from the right, so that only the tenant could ever contain a colon.
   */
  public static Optional<Delegation> parse(String value) {
    if (value == null) return Optional.empty();
    int idAt = value.lastIndexOf(':');
    int expiryAt = idAt > 0 ? value.lastIndexOf(':', idAt - 1) : -1;
    int roleAt = expiryAt > 0 ? value.lastIndexOf(':', expiryAt - 1) : -1;
    if (roleAt <= 0) return Optional.empty();
    String tenant = value.substring(0, roleAt);
    Optional<Role> role = Role.fromClaim(value.substring(roleAt + 1, expiryAt)).filter(r -> !r.isStaff());
    String id = value.substring(idAt + 1);
    if (tenant.isBlank() || role.isEmpty() || id.isBlank()) return Optional.empty();
    try {
      long expiry = Long.parseLong(value.substring(expiryAt + 1, idAt));
      return Optional.of(new Delegation(tenant, role.get(), Instant.ofEpochSecond(expiry), id));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
