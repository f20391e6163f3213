package dev.claraop.identity.realm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.test.KeycloakFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.beans.factory.annotation.Autowired;

/** Against the real Keycloak server: the policy is made true, drift is corrected and reported, lockout holds. */
class RealmPolicyIT extends IdentityIntegrationTest {

  @Autowired RealmPolicyEnforcement enforcement;

  @Test
  void drift_made_by_hand_is_corrected_and_reported() {
    try (Keycloak keycloak = admin()) {
      RealmRepresentation drifted = keycloak.realm("claraop").toRepresentation();
      drifted.setFailureFactor(30);
      drifted.setSsoSessionMaxLifespan(36000);
      drifted.setBruteForceProtected(false);
      keycloak.realm("claraop").update(drifted);

      List<String> corrections = enforcement.enforce();

      assertThat(corrections).contains("failureFactor 30 -> 5", "ssoSessionMaxLifespan 36000 -> 86400",
          "bruteForceProtected false -> true");
      RealmRepresentation now = keycloak.realm("claraop").toRepresentation();
      assertThat(now.isBruteForceProtected()).isTrue();
      assertThat(now.getFailureFactor()).isEqualTo(5);
      assertThat(now.getMaxDeltaTimeSeconds()).isEqualTo(900);
      assertThat(now.getWaitIncrementSeconds()).isEqualTo(900);
      assertThat(now.getMaxFailureWaitSeconds()).isEqualTo(900);
      assertThat(now.getSsoSessionMaxLifespan()).isEqualTo(86400);
      assertThat(enforcement.enforce()).isEmpty();
    }
  }

  @Test
  void five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused() throws Exception {
    enforcement.enforce();
    String user = "creator2@demo.claraop.dev";
    assertThat(passwordGrant(user, "Demo-Password-1!")).as("right password before").isEqualTo(200);
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThat(passwordGrant(user, "wrong-" + attempt)).isEqualTo(400); // invalid_grant
      // More than a second apart, or Keycloak's separate quick-login check locks first (REFERENCES.md).
      Awaitility.await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
    }
    // Locked: the right password is answered invalid_grant like a wrong one (REFERENCES.md, Keycloak).
    assertThat(passwordGrant(user, "Demo-Password-1!")).as("right password while locked").isEqualTo(400);
    try (Keycloak keycloak = admin()) {
      String id = keycloak.realm("claraop").users().searchByUsername(user, true).getFirst().getId();
      assertThat(keycloak.realm("claraop").attackDetection().bruteForceUserStatus(id)).containsEntry("disabled", true);
      keycloak.realm("claraop").attackDetection().clearBruteForceForUser(id);
    }
    assertThat(passwordGrant(user, "Demo-Password-1!")).isEqualTo(200);
  }

  private static int passwordGrant(String username, String password) throws Exception {
    String form = "grant_type=password&client_id=claraop-web&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(KeycloakFixture.server().issuer() + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Keycloak admin() {
    return KeycloakBuilder.builder().serverUrl(KeycloakFixture.server().baseUrl()).realm("master").clientId("admin-cli")
        .username("admin").password(KeycloakFixture.server().adminPassword()).build();
  }
}
