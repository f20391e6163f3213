package dev.claraop.platform.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Recognises one service calling another with its own Keycloak client-credentials token (already verified by the
 * resource server: signature, issuer, expiry): issued to {@code clientId} ({@code azp}), whose service account holds
 * {@code role}, naming no tenant. Tenant users and staff never pass: their tokens are issued to the web client and
 * carry a tenant or a staff role, and the role mistakenly given to a user is not enough alone. Checked on the raw
 * claims because {@link ClaraJwtAuthenticationConverter} maps only the platform's user roles.
 */
public record ServiceCaller(String clientId, String role) {

  public boolean test(Authentication authentication) {
    if (!(authentication instanceof JwtAuthenticationToken token)) return false;
    var jwt = token.getToken();
    List<String> roles = jwt.getClaimAsStringList("roles");
    String tenant = jwt.getClaimAsString("tenant_id");
    return clientId.equals(jwt.getClaimAsString("azp"))
        && roles != null && roles.contains(role)
        && (tenant == null || tenant.isBlank());
  }
}
