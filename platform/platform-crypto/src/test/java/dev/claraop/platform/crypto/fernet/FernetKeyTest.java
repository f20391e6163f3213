package dev.claraop.platform.crypto.fernet;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.BAD_BASE64;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.EXPIRED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.FROM_THE_FUTURE;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.HMAC_MISMATCH;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.TRUNCATED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.UNSUPPORTED_VERSION;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.InvalidCiphertext.Reason;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FernetKeyTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant SEALED_AT = Instant.parse("2025-03-01T10:00:00Z");
  private static final String IBAN = "DE89370400440532013000";

  private final FernetKey key = FernetKey.generate(RANDOM);
  private final String token = key.encrypt(IBAN.getBytes(UTF_8), SEALED_AT, RANDOM);

  @Test
  void a_sealed_value_opens_to_the_same_bytes() {
    assertThat(new String(key.decrypt(token), UTF_8)).isEqualTo(IBAN);
    assertThat(FernetToken.parse(token).issuedAt()).isEqualTo(SEALED_AT);
  }

  @Test
  void the_same_value_sealed_twice_gives_different_tokens() {
    assertThat(key.encrypt(IBAN.getBytes(UTF_8), SEALED_AT, RANDOM)).isNotEqualTo(token);
  }

  @Test
  void a_changed_ciphertext_byte_is_rejected_by_the_hmac() {
    rejected(() -> key.decrypt(flipByte(token, 30)), HMAC_MISMATCH);
  }

  @Test
  void another_key_is_rejected_by_the_hmac() {
    rejected(() -> FernetKey.generate(RANDOM).decrypt(token), HMAC_MISMATCH);
  }

  @Test
  void a_truncated_token_is_rejected_as_truncated() {
    rejected(() -> key.decrypt(token.substring(0, 60)), TRUNCATED);
  }

  @Test
  void text_that_is_not_base64url_is_rejected_as_such() {
    rejected(() -> key.decrypt(token.replace('A', '+').replace('g', '/') + "$"), BAD_BASE64);
  }

  @Test
  void the_version_is_checked_before_anything_else() {
    rejected(() -> key.decrypt(setByte(token, 0, 0x81), Duration.ofSeconds(1), SEALED_AT.plusSeconds(3600)),
        UNSUPPORTED_VERSION);
  }

  @Test
  void the_ttl_is_checked_before_the_hmac() {
    String tampered = flipByte(token, 30);
    rejected(() -> key.decrypt(tampered, Duration.ofSeconds(60), SEALED_AT.plusSeconds(61)), EXPIRED);
    rejected(() -> key.decrypt(tampered, Duration.ofSeconds(60), SEALED_AT.minusSeconds(61)), FROM_THE_FUTURE);
  }

  @Test
  void sixty_seconds_of_clock_skew_are_tolerated() {
    assertThat(key.decrypt(token, Duration.ofSeconds(60), SEALED_AT.minusSeconds(60))).isNotEmpty();
    assertThat(key.decrypt(token, Duration.ofSeconds(60), SEALED_AT.plusSeconds(60))).isNotEmpty();
  }

  @Test
  void rejections_carry_neither_the_key_nor_the_plaintext_nor_the_token() {
    ThrowingCallable[] rejections = {
        () -> key.decrypt(flipByte(token, 30)),
        () -> FernetKey.generate(RANDOM).decrypt(token),
        () -> key.decrypt(token.substring(0, 60)),
        () -> key.decrypt("%" + token)};
    for (ThrowingCallable rejection : rejections) {
      assertThatThrownBy(rejection).isInstanceOf(InvalidCiphertext.class).satisfies(e -> assertThat(e.getMessage())
          .doesNotContain(IBAN, key.toBase64Url(), token.substring(0, 20)));
    }
  }

  @Test
  void a_key_shows_only_its_check_value_and_a_bad_key_text_is_not_repeated() {
    assertThat(key.toString()).isEqualTo("FernetKey[check=" + key.check() + "]").doesNotContain(key.toBase64Url());
    assertThat(FernetKey.fromBase64Url(key.toBase64Url())).isEqualTo(key);
    String tooShort = key.toBase64Url().substring(0, 20);
    assertThatThrownBy(() -> FernetKey.fromBase64Url(tooShort))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(tooShort);
  }

  @Test
  void a_destroyed_key_is_zeroed_and_refuses_every_use() throws ReflectiveOperationException {
    FernetKey doomed = FernetKey.generate(RANDOM);
    String sealed = doomed.encrypt(IBAN.getBytes(UTF_8), SEALED_AT, RANDOM);

    doomed.destroy();

    assertThat(doomed.isDestroyed()).isTrue();
    assertThat(zeroed(doomed)).isTrue();
    assertThatThrownBy(() -> doomed.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> doomed.encrypt(IBAN.getBytes(UTF_8), SEALED_AT, RANDOM))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(doomed::toBytes).isInstanceOf(IllegalStateException.class);
  }

  /** Whether both halves of {@code key} hold only zero bytes (read reflectively: no accessor exposes them). */
  static boolean zeroed(FernetKey key) throws ReflectiveOperationException {
    for (String half : new String[] {"signingKey", "encryptionKey"}) {
      var field = FernetKey.class.getDeclaredField(half);
      field.setAccessible(true);
      for (byte b : (byte[]) field.get(key)) {
        if (b != 0) return false;
      }
    }
    return true;
  }

  private static void rejected(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidCiphertext.class,
        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }

  static String flipByte(String token, int index) {
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    return setByte(token, index, bytes[index] ^ 0x01);
  }

  private static String setByte(String token, int index, int value) {
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    bytes[index] = (byte) value;
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}
