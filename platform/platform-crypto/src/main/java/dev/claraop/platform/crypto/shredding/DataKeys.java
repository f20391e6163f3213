package dev.claraop.platform.crypto.shredding;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.UNKNOWN_KEY;
import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.WRONG_SUBJECT;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crypto-shredding (DESIGN.md §5): each subject's P0 fields are sealed under the subject's own data key, a
 * Fernet key (AES-128-CBC with an HMAC-SHA256 tag) stored only wrapped by the {@link MasterKeyRing}. Shredding
 * deletes that key, and with it every copy of the fields — in events, replays and backups of the data alike.
 *
 * <p>Field ciphertexts name the subject and data-key version ({@code payout-profile:42:1:<check>:<token>}).
 * Unwrapped data keys are not cached: a shred takes effect at once on every instance.
 *
 * <p>Reading is not audited here; DESIGN.md §4 makes each decryption an audited act, which is the caller's.
 */
public final class DataKeys {

  static final int FIRST_VERSION = 1;
  private static final int ROTATION_BATCH = 500;

  private final MasterKeyRing ring;
  private final DataKeyStore store;
  private final Clock clock;
  private final SecureRandom random;

  public DataKeys(MasterKeyRing ring, DataKeyStore store) {
    this(ring, store, Clock.systemUTC(), new SecureRandom());
  }

  public DataKeys(MasterKeyRing ring, DataKeyStore store, Clock clock, SecureRandom random) {
    this.ring = ring;
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Gives {@code subject} a data key unless it has one; safe to repeat. Refused for a shredded subject: a later
   * write must not silently give an erased subject a fresh key.
   */
  public void createKey(Subject subject) {
    StoredDataKey stored = store.find(subject).orElseGet(() -> store.insertIfAbsent(newWrappedKey(subject)));
    if (stored instanceof StoredDataKey.Tombstone tombstone) throw new SubjectShredded(subject, tombstone.shreddedAt());
  }

  private StoredDataKey.Wrapped newWrappedKey(Subject subject) {
    byte[] key = FernetKey.generate(random).toBytes();
    try {
      return new StoredDataKey.Wrapped(subject, FIRST_VERSION, ring.wrap(key), clock.instant());
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Seals one P0 field of {@code subject}. */
  public Ciphertext encrypt(Subject subject, String plaintext) {
    StoredDataKey stored = store.find(subject).orElseThrow(() -> new MissingDataKey(subject));
    return switch (stored) {
      case StoredDataKey.Tombstone t -> throw new SubjectShredded(subject, t.shreddedAt());
      case StoredDataKey.Wrapped w -> Ciphertext.seal(new KeyRef(subject.value(), w.version()), unwrap(w),
          plaintext.getBytes(UTF_8), clock.instant(), random);
    };
  }

  /**
   * Opens a P0 field of {@code subject}: its plaintext, or {@link FieldValue.Shredded} when the subject's key was
   * shredded. A value sealed for another subject is refused, so one subject's field cannot be read as another's.
   */
  public FieldValue decrypt(Subject subject, Ciphertext field) {
    if (!field.key().id().equals(subject.value())) {
      throw new InvalidCiphertext(WRONG_SUBJECT,
          "a value sealed for %s was presented as %s's".formatted(field.key().id(), subject));
    }
    StoredDataKey stored = store.find(subject).orElseThrow(() -> new MissingDataKey(subject));
    return switch (stored) {
      case StoredDataKey.Tombstone t -> new FieldValue.Shredded(subject, t.shreddedAt());
      case StoredDataKey.Wrapped w -> {
        if (w.version() != field.key().version()) {
          throw new InvalidCiphertext(UNKNOWN_KEY, "no data key %s: the store holds %s v%d for this subject"
              .formatted(field.key(), subject, w.version()));
        }
        yield new FieldValue.Readable(new String(field.openWith(unwrap(w)), UTF_8));
      }
    };
  }

  private FernetKey unwrap(StoredDataKey.Wrapped stored) {
    byte[] key = ring.unwrap(stored.wrapped());
    try {
      return FernetKey.fromBytes(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Deletes the subject's data key, leaving a tombstone. Idempotent; returns whether a key was deleted now. */
  public boolean shred(Subject subject) {
    return store.shred(subject, clock.instant());
  }

  /**
   * Re-wraps every data key that is under an older master key with the newest one (the fields themselves are
   * untouched), and reports what is left under each older key. A key shredded meanwhile stays shredded.
   */
  public RotationReport rotate() {
    KeyRef newest = ring.newest();
    long rewrapped = 0;
    while (true) {
      List<StoredDataKey.Wrapped> batch = store.wrappedUnderOtherThan(newest, ROTATION_BATCH);
      long before = rewrapped;
      for (StoredDataKey.Wrapped stored : batch) {
        if (store.replaceWrapped(stored.subject(), stored.wrapped(), ring.rewrap(stored.wrapped()))) rewrapped++;
      }
      // A short batch was the last; a batch with no progress means others keep changing the same records.
      if (batch.size() < ROTATION_BATCH || rewrapped == before) break;
    }
    return new RotationReport(newest, rewrapped, stillUnderOldKeys(newest));
  }

  private Map<KeyRef, Long> stillUnderOldKeys(KeyRef newest) {
    Map<KeyRef, Long> counts = store.countByMasterKey();
    Map<KeyRef, Long> old = new LinkedHashMap<>();
    for (KeyRef key : ring.keys()) {
      if (!key.equals(newest)) old.put(key, counts.getOrDefault(key, 0L));
    }
    counts.forEach((key, count) -> {
      if (!key.equals(newest)) old.putIfAbsent(key, count); // under a key the ring no longer holds
    });
    return old;
  }

  /** Retires a master key from the ring, with the count of data keys still wrapped under it taken from the store. */
  public void retireMasterKey(KeyRef key) {
    ring.retire(key, store.countByMasterKey().getOrDefault(key, 0L));
  }
}
