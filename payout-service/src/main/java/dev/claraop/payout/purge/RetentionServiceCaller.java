package dev.claraop.payout.purge;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Recognises retention-service: a Keycloak client-credentials token (already verified by the resource server:
 * signature, issuer, expiry) issued to the configured client ({@code azp}), whose service account holds the
 * purge role, and which names no tenant. Tenant users and staff never pass: their tokens are issued to the web
 * client and carry a tenant or a staff role, and a purge role mistakenly given to a user is not enough alone.
 * Checked on the raw claims because platform-security maps only the platform's user roles.
 */
@Component("retentionServiceCaller")
class RetentionServiceCaller {

  private final PurgeSettings settings;

  RetentionServiceCaller(PurgeSettings settings) {
    this.settings = settings;
  }

  public boolean test(Authentication authentication) {
    if (!(authentication instanceof JwtAuthenticationToken token)) return false;
    var jwt = token.getToken();
    List<String> roles = jwt.getClaimAsStringList("roles");
    String tenant = jwt.getClaimAsString("tenant_id");
    return settings.purgeClient().equals(jwt.getClaimAsString("azp"))
        && roles != null && roles.contains(settings.purgeRole())
        && (tenant == null || tenant.isBlank());
  }

  /** The actor recorded for a purge: the client, not its service account's generated user id. */
  String clientId() {
    return settings.purgeClient();
  }
}
