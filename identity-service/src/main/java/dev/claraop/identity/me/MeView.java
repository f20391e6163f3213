package dev.claraop.identity.me;

import java.time.Instant;
import java.util.List;

/**
 * Who the caller is for this request, from their token (no P0 or P1 in it): what the console decides its navigation
 * by, while every service still decides each call itself.
 *
 * @param id the token's {@code sub}
 * @param username the token's {@code preferred_username}, null when it has none
 * @param tenantId the tenant the request acts in (under a delegation, the delegated one); null for staff
 * @param roles the roles in that tenant (under a delegation, exactly the delegated role), or the staff roles
 * @param staff whether the caller is a platform employee
 * @param delegationId the delegation the request acts under ({@code X-Acting-Tenant}), null when acting as themself
 * @param delegations the delegations the token carries that are still active: the tenants the caller may act in
 */
public record MeView(String id, String username, String tenantId, List<String> roles, boolean staff,
    String delegationId, List<DelegatedTenant> delegations) {

  /** A tenant the caller may act in, with the one role and until when. */
  public record DelegatedTenant(String tenantId, String role, Instant expiresAt) {}
}
