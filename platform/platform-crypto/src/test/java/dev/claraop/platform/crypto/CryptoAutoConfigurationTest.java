package dev.claraop.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import com.mongodb.client.MongoClient;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The service will not start without its own master keys, nor with the committed dev key outside dev. */
class CryptoAutoConfigurationTest {

  private final CryptoAutoConfiguration configuration = new CryptoAutoConfiguration();

  @Test
  void without_master_keys_start_up_fails_and_says_what_to_set() {
    for (String missing : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> configuration.masterKeyRing(new CryptoSettings(missing, null), new MockEnvironment(),
          Clock.systemUTC()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLARAOP_MASTER_KEYS");
    }
  }

  @Test
  void the_committed_dev_key_is_refused_outside_the_dev_profile_and_accepted_in_it() {
    CryptoSettings dev = new CryptoSettings(MasterKeyRing.DEV_ONLY_MASTER_KEYS, null);
    assertThatThrownBy(() -> configuration.masterKeyRing(dev, new MockEnvironment(), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dev-only")
        .hasMessageNotContaining("QD6J3yzR6HMM8");
    MockEnvironment devProfile = new MockEnvironment();
    devProfile.setActiveProfiles("dev");
    assertThat(configuration.masterKeyRing(dev, devProfile, Clock.systemUTC()).newest().id()).isEqualTo("dev-only");
  }

  @Test
  void a_service_gets_its_key_ring_from_claraop_crypto_master_keys_unless_it_makes_its_own() {
    ApplicationContextRunner service = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(MongoClient.class)) // no MongoDB here: the key ring alone
        .withBean(Clock.class, Clock::systemUTC)
        .withPropertyValues("spring.profiles.active=dev", "claraop.crypto.master-keys=" + MasterKeyRing.DEV_ONLY_MASTER_KEYS);
    service.run(context -> assertThat(context.getBean(MasterKeyRing.class).newest().id()).isEqualTo("dev-only"));
    service.withPropertyValues("spring.profiles.active=prod").run(context -> assertThat(context).hasFailed());
    MasterKeyRing own = MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS, Clock.systemUTC(), new SecureRandom());
    service.withBean(MasterKeyRing.class, () -> own).run(context -> assertThat(context.getBean(MasterKeyRing.class)).isSameAs(own));
  }
}
