package dev.claraop.platform.crypto.shredding;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.UNKNOWN_KEY;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.WRONG_SUBJECT;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * One subject's data key, unwrapped for the length of one operation (a batch generation, an export): seals and
 * opens any number of the subject's fields for one store lookup and one unwrap. Obtained from
 * {@link DataKeys#open} or {@link DataKeys#openAll}, used in try-with-resources; {@link #close()} zeroes the key.
 *
 * <p>Not a cache: it sees the store as it was when opened. A shred that lands while the handle is open does not
 * stop it, as it would not stop a single {@link DataKeys#decrypt} already past its lookup; every later open sees
 * the shred. So keep handles to one request and never keep them in a field. One thread at a time.
 *
 * <p>A shredded subject still gets a handle: it opens every field as {@link FieldValue.Shredded} and refuses to
 * seal ({@link SubjectShredded}), exactly as {@link DataKeys#decrypt} and {@link DataKeys#encrypt} do.
 */
public final class SubjectKey implements AutoCloseable {

  private final Subject subject;
  private final int version;
  private final FernetKey key; // null for a shredded subject
  private final Instant shreddedAt;
  private final Clock clock;
  private final SecureRandom random;
  private boolean closed;

  private SubjectKey(Subject subject, int version, FernetKey key, Instant shreddedAt, Clock clock, SecureRandom random) {
    this.subject = subject;
    this.version = version;
    this.key = key;
    this.shreddedAt = shreddedAt;
    this.clock = clock;
    this.random = random;
  }

  static SubjectKey live(Subject subject, int version, FernetKey key, Clock clock, SecureRandom random) {
    return new SubjectKey(subject, version, key, null, clock, random);
  }

  static SubjectKey shredded(StoredDataKey.Tombstone tombstone) {
    return new SubjectKey(tombstone.subject(), 0, null, tombstone.shreddedAt(), null, null);
  }

  public Subject subject() {
    return subject;
  }

  /** Whether the subject's data key was shredded before this handle was opened. */
  public boolean shredded() {
    return key == null;
  }

  /** Seals one P0 field of the subject; {@link SubjectShredded} for a shredded subject. */
  public Ciphertext encrypt(String plaintext) {
    requireOpen();
    if (key == null) throw new SubjectShredded(subject, shreddedAt);
    return Ciphertext.seal(new KeyRef(subject.value(), version), key, plaintext.getBytes(UTF_8), clock.instant(), random);
  }

  /**
   * Opens one P0 field of the subject: its plaintext, or {@link FieldValue.Shredded}. A value sealed for another
   * subject, or under a data-key version the store does not hold, is refused as by {@link DataKeys#decrypt}.
   */
  public FieldValue decrypt(Ciphertext field) {
    requireOpen();
    requireSealedFor(subject, field);
    if (key == null) return new FieldValue.Shredded(subject, shreddedAt);
    if (version != field.key().version()) {
      throw new InvalidCiphertext(UNKNOWN_KEY, "no data key %s: the store holds %s v%d for this subject"
          .formatted(field.key(), subject, version));
    }
    return new FieldValue.Readable(new String(field.openWith(key), UTF_8));
  }

  static void requireSealedFor(Subject subject, Ciphertext field) {
    if (!field.key().id().equals(subject.value())) {
      throw new InvalidCiphertext(WRONG_SUBJECT,
          "a value sealed for %s was presented as %s's".formatted(field.key().id(), subject));
    }
  }

  private void requireOpen() {
    if (closed) throw new IllegalStateException("the data-key handle for " + subject + " is closed; open a new one");
  }

  /** Zeroes the unwrapped key; the handle refuses every later use. Idempotent. */
  @Override
  public void close() {
    closed = true;
    if (key != null) key.destroy();
  }

  @Override
  public String toString() {
    return "SubjectKey[" + subject + (key == null ? ", shredded" : ", v" + version) + (closed ? ", closed" : "") + "]";
  }
}
