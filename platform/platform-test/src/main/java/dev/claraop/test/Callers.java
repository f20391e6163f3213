package dev.claraop.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import dev.claraop.platform.security.ClaraJwtAuthenticationConverter;
import dev.claraop.platform.security.Role;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Callers for MockMvc tests, carrying the claims a Keycloak access token of the claraop realm carries.
 * The real Keycloak issues the tokens in gateway and e2e tests; inside one service this stands in for it.
 */
public final class Callers {

  public static RequestPostProcessor tenantUser(String userId, String tenantId, Role... roles) {
    return jwt().jwt(token -> token.subject(userId).claim("tenant_id", tenantId)
            .claim("roles", Arrays.stream(roles).map(Role::name).toList()).audience(List.of("claraop-api")))
        .authorities(ClaraJwtAuthenticationConverter::authorities);
  }

  public static RequestPostProcessor staff(String userId, Role... roles) {
    return jwt().jwt(token -> token.subject(userId)
            .claim("roles", Arrays.stream(roles).map(Role::name).toList()).audience(List.of("claraop-api")))
        .authorities(ClaraJwtAuthenticationConverter::authorities);
  }

  /** A service as Keycloak issues its client-credentials token: its client as azp, its role, no tenant. */
  public static RequestPostProcessor serviceAccount(String clientId, String role) {
    return jwt().jwt(token -> token.subject("service-account-" + clientId).claim("azp", clientId)
        .claim("roles", List.of(role)).audience(List.of("claraop-api")));
  }

  private Callers() {}
}
