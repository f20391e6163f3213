package dev.claraop.platform.crypto.fernet;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.BAD_BASE64;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.MALFORMED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.TRUNCATED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.UNSUPPORTED_VERSION;

import dev.claraop.platform.crypto.InvalidCiphertext;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Fernet token taken apart, not yet verified: {@code 0x80 ‖ 64-bit big-endian seconds ‖ 128-bit IV ‖
 * AES-128-CBC/PKCS7 ciphertext ‖ HMAC-SHA256 of all before}, base64url-encoded. Parsing checks only the shape;
 * {@link FernetKey#decrypt} checks the rest.
 */
public final class FernetToken {

  static final byte VERSION = (byte) 0x80;
  static final int TIMESTAMP_LENGTH = 8;
  static final int IV_LENGTH = 16;
  static final int BLOCK_LENGTH = 16;
  static final int HMAC_LENGTH = 32;
  private static final int OVERHEAD = 1 + TIMESTAMP_LENGTH + IV_LENGTH + HMAC_LENGTH;
  /** PKCS7 always adds padding, so even an empty plaintext makes one block of ciphertext. */
  static final int MIN_LENGTH = OVERHEAD + BLOCK_LENGTH;

  private final byte[] bytes;
  private final long seconds;

  private FernetToken(byte[] bytes, long seconds) {
    this.bytes = bytes;
    this.seconds = seconds;
  }

  public static FernetToken parse(String token) {
    if (token == null) throw new InvalidCiphertext(TRUNCATED, "no Fernet token given");
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new InvalidCiphertext(BAD_BASE64, "the Fernet token is not valid base64url text");
    }
    if (bytes.length == 0) throw new InvalidCiphertext(TRUNCATED, "the Fernet token is empty");
    // The version decides the layout, so it is read before anything else is.
    if (bytes[0] != VERSION) {
      throw new InvalidCiphertext(UNSUPPORTED_VERSION,
          "unsupported Fernet version 0x%02x (only 0x80 exists)".formatted(bytes[0] & 0xff));
    }
    int cipherLength = bytes.length - OVERHEAD;
    if (cipherLength <= 0) {
      throw new InvalidCiphertext(TRUNCATED,
          "the Fernet token is truncated: %d bytes, a token has at least %d".formatted(bytes.length, MIN_LENGTH));
    }
    if (cipherLength % BLOCK_LENGTH != 0) {
      throw new InvalidCiphertext(MALFORMED,
          "the Fernet ciphertext is %d bytes, not a whole number of 16-byte AES blocks (cut or padded)"
              .formatted(cipherLength));
    }
    long seconds = ByteBuffer.wrap(bytes, 1, TIMESTAMP_LENGTH).getLong();
    if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
      throw new InvalidCiphertext(MALFORMED, "the Fernet timestamp is out of range");
    }
    return new FernetToken(bytes, seconds);
  }

  /** When the token was sealed, as it claims; only trustworthy after {@link FernetKey#decrypt} succeeded. */
  public Instant issuedAt() {
    return Instant.ofEpochSecond(seconds);
  }

  long seconds() {
    return seconds;
  }

  /** Everything the HMAC covers: version, timestamp, IV and ciphertext. */
  byte[] signed() {
    return Arrays.copyOf(bytes, bytes.length - HMAC_LENGTH);
  }

  byte[] hmac() {
    return Arrays.copyOfRange(bytes, bytes.length - HMAC_LENGTH, bytes.length);
  }

  byte[] iv() {
    return Arrays.copyOfRange(bytes, 1 + TIMESTAMP_LENGTH, 1 + TIMESTAMP_LENGTH + IV_LENGTH);
  }

  byte[] ciphertext() {
    return Arrays.copyOfRange(bytes, 1 + TIMESTAMP_LENGTH + IV_LENGTH, bytes.length - HMAC_LENGTH);
  }
}
