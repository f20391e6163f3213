package dev.claraop.platform.crypto.keyring;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.MALFORMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.fernet.FernetKey;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CiphertextTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void the_stored_text_names_key_id_version_and_check_and_reads_back_even_with_colons_in_the_id() {
    FernetKey key = FernetKey.generate(RANDOM);
    Ciphertext sealed = Ciphertext.seal(new KeyRef("payout-profile:42", 1), key, new byte[] {1, 2},
        Instant.parse("2025-01-01T00:00:00Z"), RANDOM);

    assertThat(sealed.text()).startsWith("payout-profile:42:1:" + key.check() + ":gAAAAA");
    assertThat(Ciphertext.parse(sealed.text())).isEqualTo(sealed);
    assertThat(Ciphertext.parse(sealed.text()).openWith(key)).containsExactly(1, 2);
  }

  @Test
  void to_string_names_the_key_but_not_the_token() {
    Ciphertext sealed = Ciphertext.seal(new KeyRef("main", 3), FernetKey.generate(RANDOM), new byte[] {1},
        Instant.now(), RANDOM);

    assertThat(sealed).hasToString("Ciphertext[main v3]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "DE89370400440532013000", "main:1:gAAAAA", "main:x:0011aabb:gAAAA",
      "main:1:0011AABB:gAAAA", ":1:0011aabb:gAAAA", "main:1:0011aabb:gAA AA", "main:0:0011aabb:gAAAA"})
  void text_that_is_not_a_ciphertext_is_malformed_and_not_repeated(String text) {
    assertThatThrownBy(() -> Ciphertext.parse(text))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(MALFORMED))
        .hasMessageContaining("expected <key id>:<version>:<key check>:<Fernet token>")
        .satisfies(e -> {
          if (!text.isEmpty()) assertThat(e.getMessage()).doesNotContain(text);
        });
  }
}
