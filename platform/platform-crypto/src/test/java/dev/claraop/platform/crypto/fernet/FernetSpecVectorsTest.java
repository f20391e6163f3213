package dev.claraop.platform.crypto.fernet;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.BAD_BASE64;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.BAD_PADDING;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.EXPIRED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.FROM_THE_FUTURE;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.HMAC_MISMATCH;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.MALFORMED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.TRUNCATED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.InvalidCiphertext.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Fernet specification's own vectors (fernet/spec), copied unchanged into src/test/resources/fernet. */
class FernetSpecVectorsTest {

  /** What each of the specification's invalid tokens must be rejected for. */
  private static final Map<String, Reason> EXPECTED_REASON = Map.of(
      "incorrect mac", HMAC_MISMATCH,
      "too short", TRUNCATED,
      "invalid base64", BAD_BASE64,
      "payload size not multiple of block size", MALFORMED,
      "payload padding error", BAD_PADDING,
      "far-future TS (unacceptable clock skew)", FROM_THE_FUTURE,
      "expired TTL", EXPIRED,
      "incorrect IV (causes padding error)", BAD_PADDING);

  @ParameterizedTest(name = "generate: {0}")
  @MethodSource("generate")
  void sealing_at_a_given_time_and_iv_gives_the_specified_token(JsonNode vector) {
    byte[] iv = new byte[16];
    for (int i = 0; i < iv.length; i++) iv[i] = (byte) vector.get("iv").get(i).asInt();

    String token = key(vector).encrypt(vector.get("src").asString().getBytes(UTF_8), now(vector), iv);

    assertThat(token).isEqualTo(vector.get("token").asString());
  }

  @ParameterizedTest(name = "verify: {0}")
  @MethodSource("verify")
  void a_valid_token_opens_to_its_source_within_its_ttl(JsonNode vector) {
    byte[] plaintext = key(vector).decrypt(vector.get("token").asString(), ttl(vector), now(vector));

    assertThat(new String(plaintext, UTF_8)).isEqualTo(vector.get("src").asString());
  }

  @ParameterizedTest(name = "invalid: {0}")
  @MethodSource("invalid")
  void an_invalid_token_is_rejected_for_its_own_reason(JsonNode vector) {
    Reason expected = EXPECTED_REASON.get(vector.get("desc").asString());
    assertThat(expected).as("a reason is expected for every vector").isNotNull();

    assertThatThrownBy(() -> key(vector).decrypt(vector.get("token").asString(), ttl(vector), now(vector)))
        .isInstanceOfSatisfying(InvalidCiphertext.class, e -> assertThat(e.reason()).isEqualTo(expected));
  }

  static List<Named<JsonNode>> generate() throws IOException {
    return vectors("generate.json");
  }

  static List<Named<JsonNode>> verify() throws IOException {
    return vectors("verify.json");
  }

  static List<Named<JsonNode>> invalid() throws IOException {
    List<Named<JsonNode>> vectors = vectors("invalid.json");
    assertThat(vectors).hasSize(EXPECTED_REASON.size());
    return vectors;
  }

  private static List<Named<JsonNode>> vectors(String file) throws IOException {
    try (InputStream in = FernetSpecVectorsTest.class.getResourceAsStream("/fernet/" + file)) {
      JsonNode all = JsonMapper.builder().build().readTree(in);
      return StreamSupport.stream(all.spliterator(), false)
          .map(v -> Named.of(v.has("desc") ? v.get("desc").asString() : v.get("src").asString(), v))
          .toList();
    }
  }

  private static FernetKey key(JsonNode vector) {
    return FernetKey.fromBase64Url(vector.get("secret").asString());
  }

  private static Instant now(JsonNode vector) {
    return OffsetDateTime.parse(vector.get("now").asString()).toInstant();
  }

  private static Duration ttl(JsonNode vector) {
    return Duration.ofSeconds(vector.get("ttl_sec").asLong());
  }
}
