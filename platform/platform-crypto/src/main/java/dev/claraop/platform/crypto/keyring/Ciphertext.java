package dev.claraop.platform.crypto.keyring;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.HMAC_MISMATCH;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.MALFORMED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.TAMPERED;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.WRONG_KEY;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.fernet.FernetToken;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A stored ciphertext that names the key which opens it, so that a rotation can count what still sits under an
 * old key and a reader can say which key is missing. Text form, as stored:
 *
 * <pre>{@code <key id>:<key version>:<key check>:<Fernet token>}</pre>
 *
 * e.g. {@code main:2:1f0c9a3e:gAAAAABm...} for a wrapped data key and {@code payout-profile:42:1:9b2d04c7:gAAAA...}
 * for a field. The form is parsed from the right, so a key id may itself contain colons; the Fernet token
 * (base64url) and the key check (hex) never do.
 *
 * <p>{@link #toString()} names the key only: a ciphertext of P0 data does not belong in a log line either.
 */
public record Ciphertext(KeyRef key, String keyCheck, String token) {

  private static final Pattern KEY_CHECK = Pattern.compile("[0-9a-f]{8}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_=-]+");
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
  private static final String FORM = "<key id>:<version>:<key check>:<Fernet token>";

  public Ciphertext {
    if (key == null) throw new IllegalArgumentException("a ciphertext names its key");
    if (keyCheck == null || !KEY_CHECK.matcher(keyCheck).matches()) {
      throw new IllegalArgumentException("a key check is 8 lower-case hex digits");
    }
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("a Fernet token is non-empty base64url text");
    }
  }

  /** Seals {@code plaintext} under {@code key}, named {@code ref}, stamped {@code issuedAt}. */
  public static Ciphertext seal(KeyRef ref, FernetKey key, byte[] plaintext, Instant issuedAt, SecureRandom random) {
    return new Ciphertext(ref, key.check(), key.encrypt(plaintext, issuedAt, random));
  }

  /** Reads the stored text form. The message of a rejection never repeats the input, which might be plaintext. */
  public static Ciphertext parse(String text) {
    if (text == null) throw new InvalidCiphertext(MALFORMED, "no ciphertext given; expected " + FORM);
    int tokenAt = text.lastIndexOf(':');
    int checkAt = tokenAt > 0 ? text.lastIndexOf(':', tokenAt - 1) : -1;
    int versionAt = checkAt > 0 ? text.lastIndexOf(':', checkAt - 1) : -1;
    if (versionAt <= 0) throw new InvalidCiphertext(MALFORMED, "not a ClaraOP ciphertext; expected " + FORM);
    String version = text.substring(versionAt + 1, checkAt);
    String check = text.substring(checkAt + 1, tokenAt);
    String token = text.substring(tokenAt + 1);
    if (!VERSION.matcher(version).matches() || !KEY_CHECK.matcher(check).matches()
        || !TOKEN.matcher(token).matches()) {
      throw new InvalidCiphertext(MALFORMED, "not a ClaraOP ciphertext; expected " + FORM);
    }
    try {
      return new Ciphertext(new KeyRef(text.substring(0, versionAt), Integer.parseInt(version)), check, token);
    } catch (IllegalArgumentException e) {
      throw new InvalidCiphertext(MALFORMED, "not a ClaraOP ciphertext (bad key id); expected " + FORM);
    }
  }

  public String text() {
    return key.id() + ":" + key.version() + ":" + keyCheck + ":" + token;
  }

  /**
   * Opens this value with {@code candidate}, which the caller found under {@link #key()}. A different key check
   * means the wrong secret is configured under that name; a matching check with a failing tag means tampering.
   */
  public byte[] openWith(FernetKey candidate) {
    if (!candidate.check().equals(keyCheck)) {
      throw new InvalidCiphertext(WRONG_KEY,
          "the key held as %s is not the key this value was sealed with (key check differs): the secret under that name has changed"
              .formatted(key));
    }
    try {
      return candidate.decrypt(token);
    } catch (InvalidCiphertext e) {
      if (e.reason() != HMAC_MISMATCH) throw e;
      throw new InvalidCiphertext(TAMPERED,
          "the value under %s fails its HMAC-SHA256 check although the key is the right one: it was altered after sealing"
              .formatted(key));
    }
  }

  /** When the value was sealed, as its token claims (not verified here). */
  public Instant issuedAt() {
    return FernetToken.parse(token).issuedAt();
  }

  @Override
  public String toString() {
    return "Ciphertext[" + key + "]";
  }
}
