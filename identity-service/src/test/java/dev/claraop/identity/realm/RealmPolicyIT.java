package dev.claraop.identity.realm;

import static dev.claraop.identity.TestRealm.REALM;
import static dev.claraop.identity.TestRealm.admin;
import static dev.claraop.identity.TestRealm.jsonMember;
import static dev.claraop.identity.TestRealm.passwordCredentialData;
import static dev.claraop.identity.TestRealm.passwordGrant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.identity.IdentityIntegrationTest;
import dev.claraop.identity.TestRealm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.beans.factory.annotation.Autowired;

/** Against the real Keycloak server: the policy is made true, drift is corrected and reported, lockout holds. */
class RealmPolicyIT extends IdentityIntegrationTest {

  private static final String PASSWORD = "Test-Password-1!";
  @Autowired RealmPolicyEnforcement enforcement;
  @Autowired KeycloakAdminSettings adminSettings;

  /** Tests that shorten the policy put the real one back, whatever happened. */
  @AfterEach
  void restorePolicy() {
    enforcement.enforce();
  }

  @Test
  void drift_made_by_hand_is_corrected_and_reported() {
    try (Keycloak keycloak = admin()) {
      RealmRepresentation drifted = keycloak.realm(REALM).toRepresentation();
      drifted.setFailureFactor(30);
      drifted.setSsoSessionMaxLifespan(36000);
      drifted.setBruteForceProtected(false);
      drifted.setPasswordPolicy("length(10) and hashAlgorithm(pbkdf2-sha512) and hashIterations(210000)");
      keycloak.realm(REALM).update(drifted);

      List<String> corrections = enforcement.enforce();

      assertThat(corrections).contains("failureFactor 30 -> 5", "ssoSessionMaxLifespan 36000 -> 86400",
          "bruteForceProtected false -> true", "passwordPolicy.hashAlgorithm pbkdf2-sha512 -> bcrypt",
          "passwordPolicy.hashIterations 210000 -> 12");
      RealmRepresentation now = keycloak.realm(REALM).toRepresentation();
      assertThat(now.isBruteForceProtected()).isTrue();
      assertThat(now.getFailureFactor()).isEqualTo(5);
      assertThat(now.getMaxDeltaTimeSeconds()).isEqualTo(900);
      assertThat(now.getWaitIncrementSeconds()).isEqualTo(900);
      assertThat(now.getMaxFailureWaitSeconds()).isEqualTo(900);
      assertThat(now.getSsoSessionMaxLifespan()).isEqualTo(86400);
      assertThat(PasswordPolicyText.parse(now.getPasswordPolicy()).entries())
          .as("the operator's own rule stays").containsEntry("length", "10")
          .containsEntry("hashAlgorithm", "bcrypt").containsEntry("hashIterations", "12");
      assertThat(enforcement.enforce()).isEmpty();
      now.setPasswordPolicy("hashAlgorithm(bcrypt) and hashIterations(12)");
      keycloak.realm(REALM).update(now);
    }
  }

  @Test
  void a_new_password_is_stored_as_bcrypt_with_cost_12() {
    enforcement.enforce();
    String user = TestRealm.createUser(TestRealm.uniqueEmail("fresh"), PASSWORD, "t-bcrypt", "CREATOR");
    try {
      assertThat(passwordCredentialData(user)).contains("\"algorithm\":\"bcrypt\"", "\"hashIterations\":12");
    } finally {
      TestRealm.deleteUser(user);
    }
  }

  @Test
  void a_password_stored_before_the_policy_is_rehashed_with_bcrypt_cost_12_at_the_next_login() {
    String email = TestRealm.uniqueEmail("legacy");
    try (Keycloak keycloak = admin()) {
      RealmRepresentation before = keycloak.realm(REALM).toRepresentation();
      before.setPasswordPolicy("hashAlgorithm(pbkdf2-sha512) and hashIterations(210000)");
      keycloak.realm(REALM).update(before);
    }
    String user = TestRealm.createUser(email, PASSWORD, "t-bcrypt", "CREATOR");
    try {
      assertThat(passwordCredentialData(user)).contains("\"algorithm\":\"pbkdf2-sha512\"");

      assertThat(enforcement.enforce()).contains("passwordPolicy.hashAlgorithm pbkdf2-sha512 -> bcrypt");
      assertThat(passwordCredentialData(user)).as("nothing rehashed before a login").contains("pbkdf2-sha512");

      assertThat(passwordGrant(email, PASSWORD).statusCode()).isEqualTo(200);

      assertThat(passwordCredentialData(user)).contains("\"algorithm\":\"bcrypt\"", "\"hashIterations\":12");
      assertThat(passwordGrant(email, PASSWORD).statusCode()).as("the rehashed password still works").isEqualTo(200);
      assertThat(passwordGrant(email, "wrong").statusCode()).isEqualTo(400);
    } finally {
      TestRealm.deleteUser(user);
    }
  }

  @Test
  void the_demo_users_imported_with_the_realm_are_bcrypt_cost_12() {
    String admin2 = "11111111-0000-4000-8000-000000000002";
    assertThat(passwordGrant("admin2@demo.claraop.dev", "Demo-Password-1!").statusCode()).isEqualTo(200);
    assertThat(passwordCredentialData(admin2)).contains("\"algorithm\":\"bcrypt\"", "\"hashIterations\":12");
  }

  @Test
  void five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused() throws Exception {
    enforcement.enforce();
    String user = "creator2@demo.claraop.dev";
    assertThat(passwordGrant(user, "Demo-Password-1!").statusCode()).as("right password before").isEqualTo(200);
    failFiveTimes(user);
    // Locked: the right password is answered invalid_grant like a wrong one (REFERENCES.md, Keycloak).
    assertThat(passwordGrant(user, "Demo-Password-1!").statusCode()).as("right password while locked").isEqualTo(400);
    try (Keycloak keycloak = admin()) {
      String id = keycloak.realm(REALM).users().searchByUsername(user, true).getFirst().getId();
      assertThat(keycloak.realm(REALM).attackDetection().bruteForceUserStatus(id)).containsEntry("disabled", true);
      keycloak.realm(REALM).attackDetection().clearBruteForceForUser(id);
    }
    assertThat(passwordGrant(user, "Demo-Password-1!").statusCode()).isEqualTo(200);
  }

  @Test
  void after_the_lockout_has_run_out_the_right_password_is_accepted_again() {
    // The same policy with a lockout of 5 s instead of 15 min, made true the same way.
    shortened(new RealmPolicy(REALM, 5, 900, 5, 5, 86400, 86400, 300, "bcrypt", 12)).enforce();
    String email = TestRealm.uniqueEmail("locked");
    String user = TestRealm.createUser(email, PASSWORD, "t-lock", "CREATOR");
    try {
      failFiveTimes(email);
      assertThat(passwordGrant(email, PASSWORD).statusCode()).as("right password while locked").isEqualTo(400);

      Awaitility.await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(2))
          .until(() -> passwordGrant(email, PASSWORD).statusCode() == 200);
    } finally {
      TestRealm.deleteUser(user);
    }
  }

  /**
   * How a session older than the maximum ends: Keycloak never issues an access token that outlives its SSO
   * session ({@code exp} is capped at session start + {@code ssoSessionMaxLifespan}), and once the
   * maximum has passed it refuses to refresh the session and treats its tokens as inactive (userinfo 401).
   * Services checking {@code exp} therefore stop accepting the last access token at the session's end
   * (plus their clock-skew allowance), and no new one can be had without logging in again. Shown with a
   * maximum of 8 s instead of 24 h.
   */
  @Test
  void a_session_older_than_the_maximum_can_no_longer_be_used_or_refreshed() {
    shortened(new RealmPolicy(REALM, 5, 900, 900, 900, 8, 8, 300, "bcrypt", 12)).enforce();
    String email = TestRealm.uniqueEmail("session");
    String user = TestRealm.createUser(email, PASSWORD, "t-session", "CREATOR");
    try {
      HttpResponse<String> login = passwordGrant(email, PASSWORD);
      assertThat(login.statusCode()).isEqualTo(200);
      String access = jsonMember(login.body(), "access_token");
      String refresh = jsonMember(login.body(), "refresh_token");
      String claims = TestRealm.payload(access);
      long lifetime = Long.parseLong(jsonMember(claims, "exp")) - Long.parseLong(jsonMember(claims, "iat"));
      assertThat(lifetime).as("access token capped at the session maximum, not 300 s").isLessThanOrEqualTo(8);
      assertThat(TestRealm.refreshGrant(refresh).statusCode()).as("within the session").isEqualTo(200);
      assertThat(TestRealm.userInfo(access).statusCode()).isEqualTo(200);

      Awaitility.await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(15)).until(() -> true);

      HttpResponse<String> refreshed = TestRealm.refreshGrant(refresh);
      assertThat(refreshed.statusCode()).as("refresh after the session maximum").isEqualTo(400);
      assertThat(refreshed.body()).contains("invalid_grant");
      assertThat(TestRealm.userInfo(access).statusCode()).as("userinfo after the session maximum").isEqualTo(401);
    } finally {
      TestRealm.deleteUser(user);
    }
  }

  private RealmPolicyEnforcement shortened(RealmPolicy policy) {
    return new RealmPolicyEnforcement(policy, adminSettings, new SimpleMeterRegistry(), Duration.ofMinutes(5));
  }

  private static void failFiveTimes(String user) {
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThat(passwordGrant(user, "wrong-" + attempt).statusCode()).isEqualTo(400); // invalid_grant
      // More than a second apart, or Keycloak's separate quick-login check locks first (REFERENCES.md).
      Awaitility.await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
    }
  }
}
