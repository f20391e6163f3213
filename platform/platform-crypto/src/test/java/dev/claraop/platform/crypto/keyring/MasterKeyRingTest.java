package dev.claraop.platform.crypto.keyring;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.TAMPERED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.TRUNCATED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.UNKNOWN_KEY;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.WRONG_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.TestClock;
import dev.claraop.platform.crypto.fernet.FernetKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterKeyRingTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] SECRET = "a data key, 32 bytes long.......".getBytes(UTF_8);

  private final TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final MasterKey main1 = key("main", 1);
  private final MasterKey main2 = key("main", 2);
  private final MasterKeyRing ring = new MasterKeyRing(List.of(main1), clock, RANDOM);

  @Test
  void the_newest_key_wraps_and_the_ciphertext_names_it() {
    ring.add(main2);

    Ciphertext wrapped = ring.wrap(SECRET);

    assertThat(wrapped.key()).isEqualTo(new KeyRef("main", 2));
    assertThat(wrapped.keyCheck()).isEqualTo(main2.key().check());
    assertThat(wrapped.text()).startsWith("main:2:" + main2.key().check() + ":gAAAAA");
    assertThat(ring.unwrap(wrapped)).isEqualTo(SECRET);
  }

  @Test
  void values_wrapped_before_a_rotation_stay_readable() {
    Ciphertext old = ring.wrap(SECRET);

    ring.add(main2);

    assertThat(ring.newest()).isEqualTo(main2.ref());
    assertThat(ring.unwrap(old)).isEqualTo(SECRET);
  }

  @Test
  void rewrap_moves_a_value_to_the_newest_key_and_keeps_its_timestamp() {
    Ciphertext old = ring.wrap(SECRET);
    ring.add(main2);
    clock.advance(Duration.ofDays(90));

    Ciphertext rewrapped = ring.rewrap(old);

    assertThat(rewrapped.key()).isEqualTo(main2.ref());
    assertThat(rewrapped.issuedAt()).isEqualTo(old.issuedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(ring.unwrap(rewrapped)).isEqualTo(SECRET);
    assertThat(ring.rewrap(rewrapped)).isSameAs(rewrapped);
  }

  @Test
  void a_key_is_not_retired_while_values_remain_under_it() {
    ring.add(main2);

    assertThatThrownBy(() -> ring.retire(main1.ref(), 3))
        .isInstanceOf(RetirementRefused.class)
        .hasMessage("master key main v1 cannot be retired: 3 value(s) are still wrapped under it; rewrap them first");
    assertThat(ring.keys()).containsExactly(main2.ref(), main1.ref());
  }

  @Test
  void a_key_with_nothing_under_it_retires_and_its_values_then_name_an_unknown_key() {
    Ciphertext old = ring.wrap(SECRET);
    ring.add(main2);

    ring.retire(main1.ref(), 0);

    assertThat(ring.keys()).containsExactly(main2.ref());
    assertThatThrownBy(() -> ring.unwrap(old))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(UNKNOWN_KEY))
        .hasMessageContaining("no master key main v1 in the ring (it holds [main v2])");
  }

  @Test
  void the_newest_key_never_retires_nor_does_a_key_outside_the_ring() {
    assertThatThrownBy(() -> ring.retire(main1.ref(), 0))
        .isInstanceOf(RetirementRefused.class).hasMessageContaining("it is the newest key");
    assertThatThrownBy(() -> ring.retire(new KeyRef("main", 9), 0))
        .isInstanceOf(RetirementRefused.class).hasMessageContaining("not in the ring");
  }

  @Test
  void a_new_key_must_have_a_higher_version_than_the_newest() {
    ring.add(main2);

    assertThatThrownBy(() -> ring.add(key("other", 2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a version above 2");
  }

  @Test
  void another_secret_under_the_same_key_name_is_a_wrong_key_not_tampering() {
    Ciphertext wrapped = ring.wrap(SECRET);
    MasterKeyRing misconfigured = new MasterKeyRing(List.of(key("main", 1)), clock, RANDOM);

    assertThatThrownBy(() -> misconfigured.unwrap(wrapped))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(WRONG_KEY))
        .hasMessageContaining("the key held as main v1 is not the key this value was sealed with");
  }

  @Test
  void an_altered_value_under_the_right_key_is_tampering() {
    Ciphertext wrapped = ring.wrap(SECRET);
    byte[] bytes = Base64.getUrlDecoder().decode(wrapped.token());
    bytes[40] ^= 1;
    Ciphertext altered = new Ciphertext(wrapped.key(), wrapped.keyCheck(), Base64.getUrlEncoder().encodeToString(bytes));

    assertThatThrownBy(() -> ring.unwrap(altered))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(TAMPERED))
        .hasMessageContaining("it was altered after sealing");
  }

  @Test
  void a_value_cut_short_in_storage_is_reported_as_truncated() {
    Ciphertext wrapped = ring.wrap(SECRET);
    Ciphertext cut = Ciphertext.parse(wrapped.text().substring(0, wrapped.text().length() - 80));

    assertThatThrownBy(() -> ring.unwrap(cut))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(TRUNCATED))
        .hasMessageStartingWith("the Fernet token is truncated");
  }

  @Test
  void keys_load_from_configuration_in_any_order_and_the_highest_version_wraps() {
    MasterKeyRing configured = MasterKeyRing.fromConfig(
        " main:2:" + main2.key().toBase64Url() + ", main:1:" + main1.key().toBase64Url());

    assertThat(configured.keys()).containsExactly(main2.ref(), main1.ref());
    assertThat(configured.unwrap(ring.wrap(SECRET))).isEqualTo(SECRET);
  }

  @Test
  void a_bad_configuration_entry_is_named_by_position_and_never_repeated() {
    String secret = main1.key().toBase64Url();
    for (String config : List.of("main:1:" + secret + ",main:" + secret, "main:1:" + secret + ",main:2:" + secret.substring(3),
        "main:1:" + secret + ",Main:2:" + secret)) {
      assertThatThrownBy(() -> MasterKeyRing.fromConfig(config))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("master key entry 2")
          .hasMessageNotContaining(secret.substring(3, 20));
    }
    assertThatThrownBy(() -> MasterKeyRing.fromConfig("a:1:" + secret + ",b:1:" + secret))
        .hasMessageContaining("two master keys share version 1");
    assertThatThrownBy(() -> MasterKeyRing.fromConfig(" ")).hasMessage("no master keys configured");
  }

  @Test
  void the_dev_only_key_says_so_in_every_ciphertext() {
    MasterKeyRing dev = MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS);

    assertThat(dev.wrap(SECRET).text()).startsWith("dev-only:1:");
  }

  private static MasterKey key(String id, int version) {
    return new MasterKey(new KeyRef(id, version), FernetKey.generate(RANDOM));
  }
}
