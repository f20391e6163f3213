package dev.claraop.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The caller as the services see it, taken from a validated Keycloak access token.
 *
 * @param userId the token's {@code sub}
 * @param tenantId the agency the user belongs to; null for staff, who belong to none
 */
public record ClaraPrincipal(String userId, String tenantId, Set<Role> roles) {

  public ClaraPrincipal {
    if (userId == null || userId.isBlank()) throw new IllegalArgumentException("token without subject");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isStaff() {
    return roles.stream().anyMatch(Role::isStaff);
  }

  /** A tenant user: a tenant claim and a tenant role, and no staff role mixed in. */
  public boolean isTenantUser() {
    return tenantId != null && !tenantId.isBlank() && !isStaff() && !roles.isEmpty();
  }
}
