package dev.claraop.platform.crypto.fernet;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.BAD_PADDING;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.EXPIRED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.FROM_THE_FUTURE;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.HMAC_MISMATCH;

import dev.claraop.platform.crypto.InvalidCiphertext;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

/**
 * A Fernet key and the two operations of the Fernet specification. <b>Fernet is AES-128 (CBC, PKCS7) with an
 * HMAC-SHA256 tag</b>, encrypt-then-MAC: the 32-byte key is a 16-byte signing key followed by a 16-byte
 * encryption key, so the cipher is AES-128 even though the key is 32 bytes long.
 *
 * <p>Plain JCA rather than a library: the spec is small, and we need what libraries hide — sealing at a given
 * time (re-wrapping keeps the original timestamp) and one distinct reason per rejection.
 *
 * <p>Key material leaves only through {@link #toBytes()} and {@link #toBase64Url()}; {@link #toString()} shows
 * the {@linkplain #check() key check value} only.
 */
public final class FernetKey implements Destroyable {

  public static final int LENGTH = 32;
  /** How far a token's timestamp may lie ahead of the reader's clock when a TTL is checked (spec: 60 s). */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  private static final byte[] CHECK_LABEL = "ClaraOP key check v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final byte[] signingKey;
  private final byte[] encryptionKey;
  private final String check;
  private volatile boolean destroyed;

  private FernetKey(byte[] key) {
    if (key == null || key.length != LENGTH) {
      throw new IllegalArgumentException("a Fernet key is exactly 32 bytes");
    }
    this.signingKey = Arrays.copyOfRange(key, 0, 16);
    this.encryptionKey = Arrays.copyOfRange(key, 16, 32);
    this.check = HexFormat.of().formatHex(hmac(key, CHECK_LABEL), 0, 4);
  }

  public static FernetKey generate(SecureRandom random) {
    byte[] key = new byte[LENGTH];
    random.nextBytes(key);
    return new FernetKey(key);
  }

  public static FernetKey fromBytes(byte[] key) {
    return new FernetKey(key);
  }

  /** The spec's text form: 32 bytes, base64url. The message of a rejection never repeats the input. */
  public static FernetKey fromBase64Url(String encoded) {
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(Objects.requireNonNull(encoded, "no Fernet key given").strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a Fernet key must be base64url text");
    }
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a Fernet key is 32 bytes; the text given decodes to " + key.length);
    }
    return new FernetKey(key);
  }

  /** The key material; a P1 secret, to be wrapped or kept in the environment, never logged. */
  public byte[] toBytes() {
    requireIntact();
    byte[] key = Arrays.copyOf(signingKey, LENGTH);
    System.arraycopy(encryptionKey, 0, key, 16, 16);
    return key;
  }

  public String toBase64Url() {
    return Base64.getUrlEncoder().encodeToString(toBytes());
  }

  /**
   * A key check value: the first 4 bytes of HMAC-SHA256(key, a fixed label), in hex. It identifies a key without
   * revealing it, so a reader can tell "another secret sits under this key id" from "the value was altered".
   */
  public String check() {
    return check;
  }

  /** Seals {@code plaintext} with a fresh random IV, stamped {@code issuedAt} (whole seconds). */
  public String encrypt(byte[] plaintext, Instant issuedAt, SecureRandom random) {
    byte[] iv = new byte[FernetToken.IV_LENGTH];
    random.nextBytes(iv);
    return encrypt(plaintext, issuedAt, iv);
  }

  /** With a given IV: only the specification's vectors need this; a reused IV is a broken encryptor. */
  String encrypt(byte[] plaintext, Instant issuedAt, byte[] iv) {
    requireIntact();
    byte[] ciphertext = aes(Cipher.ENCRYPT_MODE, iv, plaintext);
    ByteBuffer token = ByteBuffer.allocate(1 + 8 + iv.length + ciphertext.length + FernetToken.HMAC_LENGTH);
    token.put(FernetToken.VERSION).putLong(issuedAt.getEpochSecond()).put(iv).put(ciphertext);
    token.put(hmac(signingKey, Arrays.copyOf(token.array(), token.position())));
    return Base64.getUrlEncoder().encodeToString(token.array());
  }

  /** Opens a stored token: no time-to-live, because stored P0 values do not expire. */
  public byte[] decrypt(String token) {
    return decrypt(FernetToken.parse(token), null, null);
  }

  /** Opens a token that must be younger than {@code ttl} at {@code now}, within {@link #MAX_CLOCK_SKEW}. */
  public byte[] decrypt(String token, Duration ttl, Instant now) {
    return decrypt(FernetToken.parse(token), Objects.requireNonNull(ttl, "ttl"), Objects.requireNonNull(now, "now"));
  }

  // Order per spec: version (in parse) → TTL → HMAC in constant time → decrypt. The tag is checked before any
  // decryption so that a padding error can never be observed for a forged token (no padding oracle).
  private byte[] decrypt(FernetToken token, Duration ttl, Instant now) {
    requireIntact();
    if (ttl != null) {
      long seconds = token.seconds();
      if (seconds + ttl.getSeconds() < now.getEpochSecond()) {
        throw new InvalidCiphertext(EXPIRED, "the Fernet token is older than its time-to-live of " + ttl);
      }
      if (now.getEpochSecond() + MAX_CLOCK_SKEW.getSeconds() < seconds) {
        throw new InvalidCiphertext(FROM_THE_FUTURE,
            "the Fernet token is stamped more than %d s ahead of this clock".formatted(MAX_CLOCK_SKEW.getSeconds()));
      }
    }
    if (!MessageDigest.isEqual(hmac(signingKey, token.signed()), token.hmac())) {
      throw new InvalidCiphertext(HMAC_MISMATCH,
          "the Fernet token's HMAC-SHA256 tag does not match this key: altered, or sealed under another key");
    }
    try {
      return aesOrThrow(Cipher.DECRYPT_MODE, token.iv(), token.ciphertext());
    } catch (BadPaddingException e) {
      throw new InvalidCiphertext(BAD_PADDING, "the Fernet token's tag is valid but its padding is not", e);
    }
  }

  /**
   * Zeroes this key's bytes; every later use throws. For unwrapped data keys, so that one operation's key does not
   * outlive it in the heap (the JCA's own short-lived copies inside a cipher are beyond reach).
   */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(signingKey, (byte) 0);
    Arrays.fill(encryptionKey, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void requireIntact() {
    if (destroyed) throw new IllegalStateException("this Fernet key was destroyed and can no longer be used");
  }

  private byte[] aes(int mode, byte[] iv, byte[] input) {
    try {
      return aesOrThrow(mode, iv, input);
    } catch (BadPaddingException e) {
      throw new IllegalStateException("AES/CBC/PKCS5Padding reported bad padding while encrypting", e);
    }
  }

  private byte[] aesOrThrow(int mode, byte[] iv, byte[] input) throws BadPaddingException {
    requireIntact();
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding"); // PKCS5 is PKCS7 for 16-byte blocks in JCA
      cipher.init(mode, new SecretKeySpec(encryptionKey, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (BadPaddingException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot run AES-128-CBC", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot run HMAC-SHA256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FernetKey key
        && MessageDigest.isEqual(signingKey, key.signingKey)
        && MessageDigest.isEqual(encryptionKey, key.encryptionKey);
  }

  @Override
  public int hashCode() {
    return check.hashCode();
  }

  @Override
  public String toString() {
    return "FernetKey[check=" + check + "]";
  }
}
