package dev.claraop.platform.crypto;

/**
 * A stored ciphertext that cannot be opened, and why. Each reason has its own message so that an operator can
 * tell a misconfigured key from an altered value; no message carries key material, plaintext or the token
 * itself, so these exceptions are safe to log.
 */
public final class InvalidCiphertext extends RuntimeException {

  public enum Reason {
    /** The token is not base64url text. */
    BAD_BASE64,
    /** Too short to hold a header, a tag and any ciphertext: cut short in storage or in transit. */
    TRUNCATED,
    /** The right version but not the right shape (ciphertext not whole AES blocks, envelope not parseable). */
    MALFORMED,
    /** The first byte is not Fernet's 0x80. */
    UNSUPPORTED_VERSION,
    /** Older than the time-to-live the reader asked for. */
    EXPIRED,
    /** Issued more than the allowed clock skew ahead of the reader's clock. */
    FROM_THE_FUTURE,
    /** The HMAC-SHA256 tag does not match this key: the token was altered, or sealed under another key. */
    HMAC_MISMATCH,
    /** The named key is the one that sealed the value (its key check matches) and the tag still fails. */
    TAMPERED,
    /** The tag matched but the plaintext padding did not: only a broken encryptor produces this. */
    BAD_PADDING,
    /** The ciphertext names a key that the ring or the data-key store does not hold. */
    UNKNOWN_KEY,
    /** A key is held under the named id and version, but it is not the key that sealed the value. */
    WRONG_KEY,
    /** A field ciphertext was presented as another subject's. */
    WRONG_SUBJECT
  }

  private final Reason reason;

  public InvalidCiphertext(Reason reason, String message) {
    this(reason, message, null);
  }

  public InvalidCiphertext(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
