package dev.claraop.platform.crypto.shredding;

import dev.claraop.platform.crypto.fernet.FernetKey;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crypto-shredding (DESIGN.md §5): each subject's P0 fields are sealed under the subject's own data key, a
 * Fernet key (AES-128-CBC with an HMAC-SHA256 tag) stored only wrapped by the {@link MasterKeyRing}. Shredding
 * deletes that key, and with it every copy of the fields — in events, replays and backups of the data alike.
 *
 * <p>Field ciphertexts name the subject and data-key version ({@code payout-profile:42:1:<check>:<token>}).
 * Unwrapped data keys are not cached: a shred takes effect at once on every instance. Bulk work opens a
 * {@link SubjectKey} per subject for the one operation ({@link #open}, {@link #openAll}), which costs one lookup
 * and one unwrap per subject rather than per field, and zeroes the key when closed.
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

  /**
   * {@link #createKey} for many subjects at once: one lookup for all of them and one bulk write of the missing
   * keys, not a round trip or two per subject (a 10,000-creator batch made 10,000 lookups and as many inserts).
   * Refused, with nothing else undone, when any of them was shredded.
   */
  public void createKeys(Collection<Subject> subjects) {
    createAll(new LinkedHashSet<>(subjects));
  }

  /**
   * {@link #createKeys} then {@link #openAll} for the same subjects, without reading their records twice: what
   * sealing a field for each of many subjects needs (a batch's creator names).
   */
  public SubjectKeys createAndOpenAll(Collection<Subject> subjects) {
    Set<Subject> wanted = new LinkedHashSet<>(subjects);
    return handles(wanted, createAll(wanted));
  }

  private Map<Subject, StoredDataKey> createAll(Set<Subject> wanted) {
    Map<Subject, StoredDataKey> stored = new LinkedHashMap<>(store.findAll(wanted));
    List<StoredDataKey.Wrapped> missing = wanted.stream().filter(s -> !stored.containsKey(s))
        .map(this::newWrappedKey).toList();
    if (!missing.isEmpty()) stored.putAll(store.insertAllIfAbsent(missing));
    for (Subject subject : wanted) {
      if (stored.get(subject) instanceof StoredDataKey.Tombstone tombstone) {
        throw new SubjectShredded(subject, tombstone.shreddedAt());
      }
    }
    return stored;
  }

  private StoredDataKey.Wrapped newWrappedKey(Subject subject) {
    byte[] key = FernetKey.generate(random).toBytes();
    try {
      return new StoredDataKey.Wrapped(subject, FIRST_VERSION, ring.wrap(key), clock.instant());
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Seals one P0 field of {@code subject}. For many fields of one subject, {@link #open} it once instead. */
  public Ciphertext encrypt(Subject subject, String plaintext) {
    try (SubjectKey key = open(subject)) {
      return key.encrypt(plaintext);
    }
  }

  /**
   * Opens a P0 field of {@code subject}: its plaintext, or {@link FieldValue.Shredded} when the subject's key was
   * shredded. A value sealed for another subject is refused, so one subject's field cannot be read as another's.
   */
  public FieldValue decrypt(Subject subject, Ciphertext field) {
    SubjectKey.requireSealedFor(subject, field); // before the lookup: a misdirected read costs nothing
    try (SubjectKey key = open(subject)) {
      return key.decrypt(field);
    }
  }

  /**
   * The subject's data key for one operation: one store lookup and one unwrap, however many fields it then seals
   * or opens. Close it (try-with-resources) when the operation ends; it zeroes the key. Never keep it beyond the
   * request: a shred is seen by the next {@code open}, not by a handle already open. A shredded subject yields a
   * handle that reads {@link FieldValue.Shredded}; a subject with no record at all is {@link MissingDataKey}.
   */
  public SubjectKey open(Subject subject) {
    return handle(store.find(subject).orElseThrow(() -> new MissingDataKey(subject)));
  }

  /**
   * {@link #open} for many subjects at once, with one store query for all of them (shredded ones included). If
   * any subject has no record, {@link MissingDataKey} names it and nothing is unwrapped.
   */
  public SubjectKeys openAll(Collection<Subject> subjects) {
    Set<Subject> wanted = new LinkedHashSet<>(subjects);
    return handles(wanted, store.findAll(wanted));
  }

  private SubjectKeys handles(Set<Subject> wanted, Map<Subject, StoredDataKey> stored) {
    for (Subject subject : wanted) {
      if (!stored.containsKey(subject)) throw new MissingDataKey(subject);
    }
    Map<Subject, SubjectKey> keys = new LinkedHashMap<>();
    try {
      for (Subject subject : wanted) keys.put(subject, handle(stored.get(subject)));
    } catch (RuntimeException e) {
      keys.values().forEach(SubjectKey::close); // e.g. an unknown master key: zero what was already unwrapped
      throw e;
    }
    return new SubjectKeys(keys);
  }

  private SubjectKey handle(StoredDataKey stored) {
    return switch (stored) {
      case StoredDataKey.Tombstone t -> SubjectKey.shredded(t);
      case StoredDataKey.Wrapped w -> SubjectKey.live(w.subject(), w.version(), unwrap(w), clock, random);
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
