package dev.claraop.payout.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The service will not start without its own master keys, nor with the committed dev key outside dev. */
class CryptoConfigurationTest {

  private final CryptoConfiguration configuration = new CryptoConfiguration();

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
}
