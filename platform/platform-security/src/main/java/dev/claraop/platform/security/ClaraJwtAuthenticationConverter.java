package dev.claraop.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a Keycloak access token into an authentication whose authorities are our roles
 * ({@code ROLE_ADMIN} …). The realm maps roles to the top-level {@code roles} claim and the tenant to
 * {@code tenant_id} (infra/keycloak/realm).
 */
public class ClaraJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  public static final String ROLES_CLAIM = "roles";
  public static final String TENANT_CLAIM = "tenant_id";

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
  }

  public static Collection<GrantedAuthority> authorities(Jwt jwt) {
    return roles(jwt).stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
        .toList();
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
    return claim.stream().map(Role::fromClaim).flatMap(java.util.Optional::stream)
        .filter(role -> role.isStaff() != hasTenant)
        .collect(Collectors.toSet());
  }

  public static ClaraPrincipal principal(Jwt jwt) {
    return new ClaraPrincipal(jwt.getSubject(), jwt.getClaimAsString(TENANT_CLAIM), roles(jwt));
  }
}
