package dev.claraop.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A validated token together with the principal it acts as for this request. When the request named an
 * acting tenant the caller holds no active delegation for, the token is still genuine (so not a 401) but
 * the caller is {@linkplain #refused() refused}: no authorities, no principal, and the platform's chain
 * answers 403 before any controller runs.
 */
public final class ClaraAuthentication extends JwtAuthenticationToken {

  private final transient ClaraPrincipal caller;

  private ClaraAuthentication(Jwt jwt, ClaraPrincipal caller, Collection<? extends GrantedAuthority> authorities) {
    super(jwt, authorities, jwt.getSubject());
    this.caller = caller;
  }

  static ClaraAuthentication acting(Jwt jwt, ClaraPrincipal caller) {
    return new ClaraAuthentication(jwt, caller, authorities(caller));
  }

  /** A staff member under a grant: the grant's scopes as {@code GRANT_…} authorities, and no role at all. */
  static ClaraAuthentication underGrant(Jwt jwt, ClaraPrincipal caller) {
    return new ClaraAuthentication(jwt, caller, authorities(caller));
  }

  static ClaraAuthentication refused(Jwt jwt) {
    return new ClaraAuthentication(jwt, null, List.of());
  }

  /** The caller for this request. @throws ActingTenantRefused when the acting tenant was refused */
  public ClaraPrincipal caller() {
    if (caller == null) throw new ActingTenantRefused();
    return caller;
  }

  public boolean refused() {
    return caller == null;
  }

  static Collection<GrantedAuthority> authorities(ClaraPrincipal caller) {
    if (caller.isUnderGrant()) {
      return caller.grant().scopes().stream()
          .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority(scope.authority()))
          .toList();
    }
    return caller.roles().stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
        .toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClaraAuthentication that && super.equals(that)
        && java.util.Objects.equals(caller, that.caller);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + java.util.Objects.hashCode(caller);
  }
}
