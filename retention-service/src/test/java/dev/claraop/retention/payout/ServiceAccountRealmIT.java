package dev.claraop.retention.payout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.retention.RetentionIntegrationTest;
import dev.claraop.test.KeycloakFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dev realm's client {@code retention-service}, on the real Keycloak: client credentials only, its token carries
 * SERVICE_RETENTION and no tenant; no person's token carries that role.
 */
class ServiceAccountRealmIT {

  private final KeycloakFixture.Server keycloak = KeycloakFixture.server();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void the_client_credentials_token_names_retention_service_holds_only_its_role_and_no_tenant() throws Exception {
    HttpResponse<String> response = token("grant_type=client_credentials", RetentionIntegrationTest.DEV_CLIENT_SECRET);
    assertThat(response.statusCode()).isEqualTo(200);
    Jwt token = decoder().decode(json.readTree(response.body()).get("access_token").asString());

    assertThat(token.getClaimAsString("azp")).isEqualTo("retention-service");
    // the audience every service's resource server requires (PlatformDefaults): without it payout-service answers 401
    assertThat(token.getAudience()).contains("claraop-api");
    assertThat(token.getClaimAsStringList("roles")).containsExactly("SERVICE_RETENTION");
    assertThat(token.hasClaim("tenant_id")).isFalse();
    assertThat(token.getSubject()).isNotBlank();
  }

  @Test
  void a_wrong_secret_gets_no_token() throws Exception {
    assertThat(token("grant_type=client_credentials", "guessed").statusCode()).isEqualTo(401);
  }

  @Test
  void the_client_cannot_be_used_for_a_users_password_login() throws Exception {
    HttpResponse<String> response = token("grant_type=password&username=" + enc("admin@demo.claraop.dev")
        + "&password=" + enc("Demo-Password-1!"), RetentionIntegrationTest.DEV_CLIENT_SECRET);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("unauthorized_client");
  }

  @Test
  void the_people_of_the_realm_keep_their_roles_and_none_gets_the_service_role() throws Exception {
    Jwt admin = decoder().decode(keycloak.accessToken("admin@demo.claraop.dev", "Demo-Password-1!"));
    assertThat(admin.getClaimAsStringList("roles")).containsExactly("ADMIN");
    assertThat(admin.getClaimAsString("tenant_id")).isEqualTo("demo");
    assertThat(admin.getSubject()).isEqualTo("11111111-0000-4000-8000-000000000001");
    Jwt staff = decoder().decode(keycloak.accessToken("platform-admin@claraop.dev", "Demo-Password-1!"));
    assertThat(staff.getClaimAsStringList("roles")).containsExactly("PLATFORM_ADMIN");
    assertThat(staff.hasClaim("tenant_id")).isFalse();
  }

  private NimbusJwtDecoder decoder() {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
    return decoder;
  }

  private HttpResponse<String> token(String form, String secret) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("retention-service:" + secret).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
