package dev.claraop.keycloak.bcrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.springframework.security.crypto.bcrypt.BCrypt;

class BcryptPasswordHashProviderTest {

  private final BcryptPasswordHashProvider bcrypt = new BcryptPasswordHashProvider(12);

  @Test
  void a_password_is_stored_as_bcrypt_with_cost_12_when_the_policy_names_no_cost() {
    PasswordCredentialModel stored = bcrypt.encodedCredential("Demo-Password-1!", -1);

    assertThat(stored.getPasswordCredentialData().getAlgorithm()).isEqualTo("bcrypt");
    assertThat(stored.getPasswordCredentialData().getHashIterations()).isEqualTo(12);
    assertThat(stored.getPasswordSecretData().getValue()).startsWith("$2y$12$").hasSize(60);
    assertThat(stored.getCredentialData()).contains("\"algorithm\":\"bcrypt\"", "\"hashIterations\":12");
  }

  @Test
  void the_right_password_verifies_and_a_wrong_one_does_not() {
    PasswordCredentialModel stored = bcrypt.encodedCredential("Demo-Password-1!", 4);

    assertThat(bcrypt.verify("Demo-Password-1!", stored)).isTrue();
    assertThat(bcrypt.verify("demo-password-1!", stored)).isFalse();
    assertThat(bcrypt.verify("", stored)).isFalse();
    assertThat(bcrypt.verify(null, stored)).isFalse();
  }

  @Test
  void the_same_password_gets_a_new_salt_every_time() {
    String first = bcrypt.encodedCredential("same", 4).getPasswordSecretData().getValue();
    String second = bcrypt.encodedCredential("same", 4).getPasswordSecretData().getValue();
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void the_policy_cost_is_the_stored_cost() {
    PasswordCredentialModel stored = bcrypt.encodedCredential("pw", 10);
    assertThat(stored.getPasswordSecretData().getValue()).startsWith("$2y$10$");
    assertThat(stored.getPasswordCredentialData().getHashIterations()).isEqualTo(10);
  }

  @Test
  void our_hashes_are_standard_bcrypt_and_standard_hashes_verify_here() {
    String ours = bcrypt.encodedCredential("Grüße, Welt!", 5).getPasswordSecretData().getValue();
    assertThat(BCrypt.checkpw("Grüße, Welt!", ours)).as("Spring Security's bcrypt reads ours").isTrue();

    String theirs = BCrypt.hashpw("Grüße, Welt!", BCrypt.gensalt(5));
    PasswordCredentialModel imported = PasswordCredentialModel.createFromValues("bcrypt", new byte[0], 5, theirs);
    assertThat(bcrypt.verify("Grüße, Welt!", imported)).as("a $2a$ hash made elsewhere").isTrue();
    assertThat(bcrypt.verify("Grüsse, Welt!", imported)).isFalse();
  }

  @Test
  void passwords_longer_than_72_bytes_are_not_truncated_into_each_other() {
    String prefix = "x".repeat(72);
    PasswordCredentialModel stored = bcrypt.encodedCredential(prefix + "-one", 4);
    assertThat(bcrypt.verify(prefix + "-one", stored)).isTrue();
    assertThat(bcrypt.verify(prefix + "-two", stored)).isFalse();
    assertThat(bcrypt.verify(prefix, stored)).isFalse();
  }

  @Test
  void the_policy_check_asks_for_a_rehash_when_algorithm_or_cost_differ() {
    PasswordPolicy noCostNamed = PasswordPolicy.empty();
    assertThat(bcrypt.policyCheck(noCostNamed, bcrypt.encodedCredential("pw", 12))).isTrue();
    assertThat(bcrypt.policyCheck(noCostNamed, bcrypt.encodedCredential("pw", 10))).as("cost 10 < 12").isFalse();
    PasswordCredentialModel pbkdf2 = PasswordCredentialModel.createFromValues("pbkdf2-sha512", new byte[16], 12,
        "aGFzaA==");
    assertThat(bcrypt.policyCheck(noCostNamed, pbkdf2)).as("another algorithm").isFalse();
  }

  @Test
  void a_damaged_or_foreign_stored_value_is_a_failed_login_not_an_error() {
    for (String stored : new String[] {"$2y$12$short", "not-a-hash", "$2y$99$" + "a".repeat(53)}) {
      assertThat(bcrypt.verify("pw", PasswordCredentialModel.createFromValues("bcrypt", new byte[0], 12, stored)))
          .as(stored).isFalse();
    }
  }

  @Test
  void a_cost_outside_what_bcrypt_allows_is_refused() {
    assertThatThrownBy(() -> bcrypt.encodedCredential("pw", 27500)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hashIterations");
    assertThatThrownBy(() -> new BcryptPasswordHashProvider(3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_factory_registers_under_the_id_the_policy_names() throws Exception {
    var factory = new BcryptPasswordHashProviderFactory();
    assertThat(factory.getId()).isEqualTo("bcrypt");
    assertThat(factory.create(null)).isInstanceOf(BcryptPasswordHashProvider.class);
    try (var services = getClass().getResourceAsStream(
        "/META-INF/services/org.keycloak.credential.hash.PasswordHashProviderFactory")) {
      assertThat(new String(services.readAllBytes()).trim()).isEqualTo(BcryptPasswordHashProviderFactory.class.getName());
    }
  }
}
