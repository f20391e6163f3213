package dev.claraop.platform.crypto.shredding;

import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where wrapped data keys live: apart from the data they protect (DESIGN.md §5), so restoring a backup of the
 * data cannot bring a shredded key back. One record per subject; every write is a single-record conditional
 * write, so an implementation needs neither transactions nor secondary indexes.
 */
public interface DataKeyStore {

  /** Stores {@code key} unless its subject already has a record; returns the subject's record afterwards. */
  StoredDataKey insertIfAbsent(StoredDataKey.Wrapped key);

  /**
   * {@link #insertIfAbsent} for many subjects: the records of their subjects afterwards, by subject. For bulk work:
   * a store writes them in as few round trips as it can. This default writes once per key.
   */
  default Map<Subject, StoredDataKey> insertAllIfAbsent(Collection<StoredDataKey.Wrapped> keys) {
    Map<Subject, StoredDataKey> stored = new LinkedHashMap<>();
    for (StoredDataKey.Wrapped key : keys) stored.put(key.subject(), insertIfAbsent(key));
    return stored;
  }

  Optional<StoredDataKey> find(Subject subject);

  /**
   * The records of {@code subjects} (keys and tombstones) by subject; a subject without a record is absent. For
   * bulk work: a store answers it in one round trip where it can. This default asks once per subject.
   */
  default Map<Subject, StoredDataKey> findAll(Collection<Subject> subjects) {
    Map<Subject, StoredDataKey> found = new LinkedHashMap<>();
    for (Subject subject : subjects) find(subject).ifPresent(record -> found.put(subject, record));
    return found;
  }

  /**
   * Replaces the subject's wrapped key only while it still is {@code expected}: a shred or another rotation
   * that came in between wins, so a rotation can never bring a shredded key back.
   */
  boolean replaceWrapped(Subject subject, Ciphertext expected, Ciphertext replacement);

  /**
   * Deletes the subject's key material and leaves a tombstone, also for a subject that never had a key.
   * Idempotent; returns whether this call deleted key material.
   */
  boolean shred(Subject subject, Instant at);

  /** Up to {@code limit} live keys wrapped under any master key other than {@code newest}. */
  List<StoredDataKey.Wrapped> wrappedUnderOtherThan(KeyRef newest, int limit);

  /** How many live data keys each master key wraps. Tombstones hold no key and are not counted. */
  Map<KeyRef, Long> countByMasterKey();
}
