package dev.claraop.platform.crypto.keyring;

import static dev.claraop.platform.crypto.InvalidCiphertext.Reason.UNKNOWN_KEY;

import dev.claraop.platform.crypto.InvalidCiphertext;
import dev.claraop.platform.crypto.fernet.FernetKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The master keys that wrap data keys (DESIGN.md §5). Each is a Fernet key — AES-128-CBC with an HMAC-SHA256
 * tag — named by an id and a version. The newest (highest version) wraps; every key in the ring unwraps, found
 * by the key the ciphertext names rather than by trying each one. Rotation is: {@link #add} a key,
 * {@link #rewrap} everything under the older ones, then {@link #retire} each older key once the store counts
 * nothing under it.
 *
 * <p>Thread-safe: the key list is replaced whole on each change and read without locking.
 */
public final class MasterKeyRing {

  /**
   * DEV ONLY. Committed to the repository, hence known to everyone: for a developer's machine and tests, never
   * for a deployed service. Its id {@code dev-only} is written into every ciphertext sealed under it, so a value
   * that reached real storage under this key gives itself away.
   */
  public static final String DEV_ONLY_MASTER_KEYS = "dev-only:1:QD6J3yzR6HMM8_dJta4YHSmLVd148cIA3AAK-lyIwaw=";

  private static final String ENTRY_FORM = "<id>:<version>:<32-byte key, base64url>";

  private final Clock clock;
  private final SecureRandom random;
  private volatile List<MasterKey> keys; // newest first

  public MasterKeyRing(Collection<MasterKey> keys, Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
    this.keys = ordered(List.copyOf(keys));
  }

  /** From configuration such as {@code main:1:<key>,main:2:<key>} (order does not matter; versions do). */
  public static MasterKeyRing fromConfig(String config) {
    return fromConfig(config, Clock.systemUTC(), new SecureRandom());
  }

  public static MasterKeyRing fromConfig(String config, Clock clock, SecureRandom random) {
    return new MasterKeyRing(parse(config), clock, random);
  }

  // Messages name the entry by position and never echo it: the entry holds a secret.
  static List<MasterKey> parse(String config) {
    if (config == null || config.isBlank()) throw new IllegalArgumentException("no master keys configured");
    List<MasterKey> keys = new ArrayList<>();
    String[] entries = config.split(",");
    for (int i = 0; i < entries.length; i++) {
      String[] parts = entries[i].strip().split(":", -1);
      if (parts.length != 3 || !parts[1].matches("[1-9][0-9]{0,8}")) {
        throw new IllegalArgumentException("master key entry %d is not %s".formatted(i + 1, ENTRY_FORM));
      }
      try {
        keys.add(new MasterKey(new KeyRef(parts[0], Integer.parseInt(parts[1])), FernetKey.fromBase64Url(parts[2])));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("master key entry %d: %s".formatted(i + 1, e.getMessage()));
      }
    }
    return keys;
  }

  private static List<MasterKey> ordered(List<MasterKey> keys) {
    if (keys.isEmpty()) throw new IllegalArgumentException("a master key ring holds at least one key");
    Set<Integer> versions = new HashSet<>();
    for (MasterKey key : keys) {
      if (!versions.add(key.ref().version())) {
        throw new IllegalArgumentException("two master keys share version " + key.ref().version()
            + ": versions order the ring, so each is used once");
      }
    }
    return keys.stream().sorted(Comparator.comparingInt((MasterKey k) -> k.ref().version()).reversed()).toList();
  }

  /** The key that wraps from now on. */
  public KeyRef newest() {
    return keys.getFirst().ref();
  }

  /** Every key that can unwrap, newest first. */
  public List<KeyRef> keys() {
    return keys.stream().map(MasterKey::ref).toList();
  }

  /** Adds a key that becomes the newest: its version must be above every version in the ring. */
  public synchronized void add(MasterKey key) {
    if (key.ref().version() <= newest().version()) {
      throw new IllegalArgumentException("a new master key needs a version above " + newest().version()
          + " (the newest), not " + key.ref().version());
    }
    List<MasterKey> next = new ArrayList<>(keys);
    next.add(key);
    keys = ordered(next);
  }

  /**
   * Removes {@code key}, given how many values the store still holds wrapped under it (the ring cannot count
   * them itself). Refused while that count is above 0 and for the newest key, which is the one that wraps.
   */
  public synchronized void retire(KeyRef key, long valuesStillUnderKey) {
    if (keys.stream().noneMatch(k -> k.ref().equals(key))) throw new RetirementRefused(key, "it is not in the ring");
    if (key.equals(newest())) throw new RetirementRefused(key, "it is the newest key, the one that wraps");
    if (valuesStillUnderKey > 0) {
      throw new RetirementRefused(key, valuesStillUnderKey + " value(s) are still wrapped under it; rewrap them first");
    }
    keys = keys.stream().filter(k -> !k.ref().equals(key)).toList();
  }

  public Ciphertext wrap(byte[] secret) {
    MasterKey newest = keys.getFirst();
    return Ciphertext.seal(newest.ref(), newest.key(), secret, clock.instant(), random);
  }

  public byte[] unwrap(Ciphertext wrapped) {
    return wrapped.openWith(keyFor(wrapped.key()));
  }

  /**
   * The same value wrapped under the newest key, keeping its original timestamp (Python's MultiFernet.rotate);
   * returned as is when it already is under the newest key.
   */
  public Ciphertext rewrap(Ciphertext wrapped) {
    MasterKey newest = keys.getFirst();
    if (wrapped.key().equals(newest.ref())) return wrapped;
    byte[] secret = unwrap(wrapped); // verified first, so the timestamp read below is authentic
    try {
      return Ciphertext.seal(newest.ref(), newest.key(), secret, wrapped.issuedAt(), random);
    } finally {
      java.util.Arrays.fill(secret, (byte) 0);
    }
  }

  private FernetKey keyFor(KeyRef ref) {
    List<MasterKey> current = keys;
    for (MasterKey key : current) {
      if (key.ref().equals(ref)) return key.key();
    }
    throw new InvalidCiphertext(UNKNOWN_KEY, "no master key %s in the ring (it holds %s): retired too early, or missing from the configuration"
        .formatted(ref, current.stream().map(k -> k.ref().toString()).toList()));
  }

  @Override
  public String toString() {
    return "MasterKeyRing" + keys();
  }
}
