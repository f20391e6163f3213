package dev.claraop.platform.security;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.EnumSet;
import java.util.Set;

/**
 * The caller as the services see it, taken from a validated Keycloak access token.
 *
 * @param userId the token's {@code sub}
 * @param tenantId the agency the caller acts in: their own, or the one a delegation lets them act in; null
 *     for staff, who belong to none
 * @param roles the caller's roles in {@code tenantId}; under a delegation exactly the delegated role
 * @param delegationId the delegation the caller acts under ({@code X-Acting-Tenant}), null when acting as
 *     themself
 * @param grant the support grant a staff member reads under ({@code X-Support-Grant}); then {@code tenantId} is
 *     the grant's tenant, and the caller holds the grant's scopes as authorities instead of any role
 */
@Hidden // resolved from the token, never sent: without this the API descriptions listed it as a required query parameter
public record ClaraPrincipal(String userId, String tenantId, Set<Role> roles, String delegationId, SupportGrant grant) {

  public ClaraPrincipal {
    if (userId == null || userId.isBlank()) throw new IllegalArgumentException("token without subject");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** A caller acting as themself. */
  public ClaraPrincipal(String userId, String tenantId, Set<Role> roles) {
    this(userId, tenantId, roles, null, null);
  }

  public ClaraPrincipal(String userId, String tenantId, Set<Role> roles, String delegationId) {
    this(userId, tenantId, roles, delegationId, null);
  }

  /** A staff member reading in the grant's tenant, never in one the request names. */
  static ClaraPrincipal underGrant(ClaraPrincipal staff, SupportGrant grant) {
    if (!staff.isStaff()) throw new IllegalArgumentException("only staff read under a grant");
    return new ClaraPrincipal(staff.userId(), grant.tenantId(), staff.roles(), null, grant);
  }

  /** The operator of {@code userId} acting in a tenant of someone else, with exactly the delegated role. */
  static ClaraPrincipal delegated(String userId, Delegation delegation) {
    return new ClaraPrincipal(userId, delegation.tenantId(), Set.of(delegation.role()), delegation.id());
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

  /** Reading a tenant's data under a support grant ({@code X-Support-Grant}). */
  public boolean isUnderGrant() {
    return grant != null;
  }

  /** Under a grant that covers {@code scope}: what a service's own rule checks beside its roles. */
  public boolean covers(GrantScope scope) {
    return grant != null && grant.covers(scope);
  }

  /** Acting in another tenant under a delegation (services may record the delegation id with the actor). */
  public boolean isDelegated() {
    return delegationId != null;
  }
}
