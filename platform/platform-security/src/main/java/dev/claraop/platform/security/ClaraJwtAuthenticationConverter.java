package dev.claraop.platform.security;

import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Turns a Keycloak access token into a {@link ClaraAuthentication}: the principal the request acts as and
 * its roles as authorities ({@code ROLE_ADMIN} …). The realm maps roles to the top-level {@code roles}
 * claim, the tenant to {@code tenant_id} and delegations to {@code delegations} (infra/keycloak/realm).
 *
 * <p>A delegated operator acts in a delegated tenant only on requests that say so with
 * {@value #ACTING_TENANT_HEADER}; without it they act as themself. The header is a choice made per request
 * rather than a second token because a user may hold delegations for several tenants and the token is the
 * same for all of them. The delegation's expiry is checked against the clock at every request, and whether it
 * was revoked against the service's {@link RevokedDelegations}: either ends it inside a live token.
 */
public class ClaraJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  public static final String ROLES_CLAIM = "roles";
  public static final String TENANT_CLAIM = "tenant_id";
  public static final String DELEGATIONS_CLAIM = "delegations";
  public static final String ACTING_TENANT_HEADER = "X-Acting-Tenant";

  private final Clock clock;
  /** Null until known: a chain built by hand finds the service's bean on its first request. */
  private volatile RevokedDelegations revoked;

  /**
   * With the system clock, for chains built by hand; the platform's chain passes the service's clock. The
   * revocations are the {@link RevokedDelegations} bean of the application serving the request, so a service
   * that declares its own chain learns of revocations without wiring them in.
   */
  public ClaraJwtAuthenticationConverter() {
    this(Clock.systemUTC(), null);
  }

  /** Nothing revoked: only expiry ends a delegation. */
  public ClaraJwtAuthenticationConverter(Clock clock) {
    this(clock, RevokedDelegations.NONE);
  }

  public ClaraJwtAuthenticationConverter(Clock clock, RevokedDelegations revoked) {
    this.clock = clock;
    this.revoked = revoked;
  }

  /**
   * The header is read from the request being authenticated: Spring's RequestContextFilter runs before
   * the security filters, and the converter's interface passes only the token. Where no request is bound,
   * nobody asked to act elsewhere, so the caller acts as themself.
   */
  @Override
  public ClaraAuthentication convert(Jwt jwt) {
    String acting = null;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      acting = request.getRequest().getHeader(ACTING_TENANT_HEADER);
      if (revoked == null) revoked = revocationsOf(request.getRequest().getServletContext());
    }
    return authenticate(jwt, acting);
  }

  /** @param actingTenant the {@value #ACTING_TENANT_HEADER} header, null when absent */
  public ClaraAuthentication authenticate(Jwt jwt, String actingTenant) {
    RevokedDelegations known = revoked == null ? RevokedDelegations.NONE : revoked;
    return principal(jwt, actingTenant, clock.instant(), known)
        .map(caller -> ClaraAuthentication.acting(jwt, caller))
        .orElseGet(() -> ClaraAuthentication.refused(jwt));
  }

  /** The serving application's revocations; none where no application context is bound to the servlet context. */
  private static RevokedDelegations revocationsOf(ServletContext servlet) {
    WebApplicationContext context = servlet == null ? null : WebApplicationContextUtils.findWebApplicationContext(servlet);
    if (context == null) return RevokedDelegations.NONE;
    return context.getBeanProvider(RevokedDelegations.class).getIfUnique(() -> RevokedDelegations.NONE);
  }

  /**
   * Who the token acts as. No header (or a blank one, or the caller's own tenant): the caller as
   * themself. A header naming another tenant: that tenant with exactly the role of the caller's delegation
   * for it that is active at {@code now} and not revoked, or empty (refused) when there is none, or when the
   * caller is staff, who reach tenant data only through support grants. A revoked delegation is refused exactly
   * as an expired one (403): the token is genuine, the delegation no longer counts.
   */
  static Optional<ClaraPrincipal> principal(Jwt jwt, String actingTenant, Instant now, RevokedDelegations revoked) {
    ClaraPrincipal self = principal(jwt);
    if (actingTenant == null || actingTenant.isBlank()) return Optional.of(self);
    String tenant = actingTenant.trim();
    if (self.isStaff()) return Optional.empty();
    if (tenant.equals(self.tenantId()) && self.isTenantUser()) return Optional.of(self);
    // Should a tenant ever be delegated twice, the entry that lasts longest decides.
    return delegations(jwt).stream()
        .filter(d -> d.tenantId().equals(tenant) && d.activeAt(now) && !revoked.revoked(d.id()))
        .max(Comparator.comparing(Delegation::expiresAt))
        .map(d -> ClaraPrincipal.delegated(self.userId(), d));
  }

  /** The caller as themself, whatever the request asks: for MockMvc callers and the tokens' own claims. */
  public static ClaraPrincipal principal(Jwt jwt) {
    return new ClaraPrincipal(jwt.getSubject(), jwt.getClaimAsString(TENANT_CLAIM), roles(jwt));
  }

  /** The caller's own authorities, as a MockMvc {@code jwt()} caller carries them (platform-test). */
  public static Collection<GrantedAuthority> authorities(Jwt jwt) {
    return ClaraAuthentication.authorities(principal(jwt));
  }

  /** Every well-formed entry of the delegations claim, expired ones included; malformed ones are dropped. */
  static List<Delegation> delegations(Jwt jwt) {
    List<String> claim = jwt.getClaimAsStringList(DELEGATIONS_CLAIM);
    if (claim == null) return List.of();
    return claim.stream().map(Delegation::parse).flatMap(Optional::stream).toList();
  }

  /**
   * Tenant roles count only in a token that names a tenant, staff roles only in one that names none: a
   * token mixing the two (a misconfigured user) gets the roles that fit its tenant claim and no others.
   */
  static Set<Role> roles(Jwt jwt) {
    List<String> claim = jwt.getClaimAsStringList(ROLES_CLAIM);
    if (claim == null) return Set.of();
    String tenant = jwt.getClaimAsString(TENANT_CLAIM);
    boolean hasTenant = tenant != null && !tenant.isBlank();
    return claim.stream().map(Role::fromClaim).flatMap(Optional::stream)
        .filter(role -> role.isStaff() != hasTenant)
        .collect(Collectors.toSet());
  }
}
