package dev.claraop.identity;

import dev.claraop.test.KeycloakFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Direct access to realm {@code claraop} of the fixture's Keycloak: what tests arrange and what they check. */
public final class TestRealm {

  public static final String REALM = "claraop";

  public static Keycloak admin() {
    return KeycloakBuilder.builder().serverUrl(KeycloakFixture.server().baseUrl()).realm("master").clientId("admin-cli")
        .username("admin").password(KeycloakFixture.server().adminPassword()).build();
  }

  /** A fresh, fully set up user (no required actions) with a role and, unless null, a password and a tenant. */
  public static String createUser(String email, String password, String tenantId, String role) {
    try (Keycloak keycloak = admin()) {
      UserRepresentation user = new UserRepresentation();
      user.setUsername(email);
      user.setEmail(email);
      user.setEmailVerified(true);
      user.setEnabled(true);
      user.setFirstName("Test");
      user.setLastName("User");
      if (tenantId != null) user.setAttributes(Map.of("tenant_id", List.of(tenantId)));
      if (password != null) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
      }
      try (var response = keycloak.realm(REALM).users().create(user)) {
        String id = CreatedResponseUtil.getCreatedId(response);
        keycloak.realm(REALM).users().get(id).roles().realmLevel()
            .add(List.of(keycloak.realm(REALM).roles().get(role).toRepresentation()));
        return id;
      }
    }
  }

  /** A user who can be named in pods and delegations but never logs in (no password: nothing to hash). */
  public static String member(String tenantId, String role) {
    return createUser(uniqueEmail(role.toLowerCase()), null, tenantId, role);
  }

  public static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.claraop.dev";
  }

  /** The stored password credential's data, e.g. {@code {"hashIterations":12,"algorithm":"bcrypt",...}}. */
  public static String passwordCredentialData(String userId) {
    try (Keycloak keycloak = admin()) {
      return keycloak.realm(REALM).users().get(userId).credentials().stream()
          .filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType())).findFirst().orElseThrow()
          .getCredentialData();
    }
  }

  public static void deleteUser(String userId) {
    try (Keycloak keycloak = admin(); var response = keycloak.realm(REALM).users().delete(userId)) {
      // 204, or 404 when a test removed it already
    }
  }

  /** The token endpoint's answer to a password grant (scope openid, so that userinfo answers too). */
  public static HttpResponse<String> passwordGrant(String username, String password) {
    return tokenEndpoint("grant_type=password&client_id=claraop-web&scope=openid&username=" + encode(username)
        + "&password=" + encode(password));
  }

  public static HttpResponse<String> refreshGrant(String refreshToken) {
    return tokenEndpoint("grant_type=refresh_token&client_id=claraop-web&refresh_token=" + encode(refreshToken));
  }

  public static HttpResponse<String> userInfo(String accessToken) {
    return send(HttpRequest.newBuilder(URI.create(KeycloakFixture.server().issuer() + "/protocol/openid-connect/userinfo"))
        .header("Authorization", "Bearer " + accessToken).GET().build());
  }

  /** A top-level string or number member of a JSON object, without a JSON library (tokens, answers). */
  public static String jsonMember(String json, String name) {
    int key = json.indexOf("\"" + name + "\":");
    if (key < 0) return null;
    int start = key + name.length() + 3;
    if (json.charAt(start) == '"') return json.substring(start + 1, json.indexOf('"', start + 1));
    int end = start;
    while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) end++;
    return json.substring(start, end);
  }

  /** The payload of a JWT, decoded (not verified: Keycloak just issued it to us). */
  public static String payload(String jwt) {
    return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> tokenEndpoint(String form) {
    return send(HttpRequest.newBuilder(URI.create(KeycloakFixture.server().issuer() + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private TestRealm() {}
}
