package dev.claraop.identity.me;

import dev.claraop.platform.security.ClaraJwtAuthenticationConverter;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Delegation;
import dev.claraop.platform.security.RevokedDelegations;
import dev.claraop.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/identity/me}: any authenticated caller, tenant user or staff, delegated operators included. Read from
 * the request's principal and token only; nothing is looked up, so it answers while Keycloak is down.
 */
@RestController
class MeController {

  private final Clock clock;
  private final ObjectProvider<RevokedDelegations> revoked;

  MeController(Clock clock, ObjectProvider<RevokedDelegations> revoked) {
    this.clock = clock;
    this.revoked = revoked;
  }

  @GetMapping("/api/identity/me")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Who the caller is for this request",
      description = "`id` (sub), `username` (preferred_username), the tenant and roles the request acts with (under "
          + "`X-Acting-Tenant`, the delegated tenant and role, and `delegationId`), `staff`, and the active "
          + "delegations the token carries. A refused `X-Acting-Tenant` is a 403, as everywhere.")
  MeView me(ClaraPrincipal caller, @AuthenticationPrincipal Jwt token) {
    Instant now = clock.instant();
    RevokedDelegations known = revoked.getIfUnique(() -> RevokedDelegations.NONE);
    List<String> claim = token.getClaimAsStringList(ClaraJwtAuthenticationConverter.DELEGATIONS_CLAIM);
    List<MeView.DelegatedTenant> delegations = claim == null || caller.isStaff() ? List.of() : claim.stream()
        .map(Delegation::parse).flatMap(Optional::stream)
        .filter(d -> d.activeAt(now) && !known.revoked(d.id()))
        .sorted(Comparator.comparing(Delegation::tenantId))
        .map(d -> new MeView.DelegatedTenant(d.tenantId(), d.role().name(), d.expiresAt())).toList();
    return new MeView(caller.userId(), token.getClaimAsString("preferred_username"), caller.tenantId(),
        caller.roles().stream().map(Role::name).sorted().toList(), caller.isStaff(), caller.delegationId(),
        delegations);
  }
}
