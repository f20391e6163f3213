package dev.claraop.platform.crypto.shredding;

import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** For unit tests and a developer's machine: the keys are gone when the JVM stops. */
public final class InMemoryDataKeyStore implements DataKeyStore {

  private final Map<Subject, StoredDataKey> records = new ConcurrentHashMap<>();

  @Override
  public StoredDataKey insertIfAbsent(StoredDataKey.Wrapped key) {
    StoredDataKey existing = records.putIfAbsent(key.subject(), key);
    return existing != null ? existing : key;
  }

  @Override
  public Optional<StoredDataKey> find(Subject subject) {
    return Optional.ofNullable(records.get(subject));
  }

  @Override
  public Map<Subject, StoredDataKey> findAll(Collection<Subject> subjects) {
    Map<Subject, StoredDataKey> found = new HashMap<>();
    for (Subject subject : subjects) {
      StoredDataKey record = records.get(subject);
      if (record != null) found.put(subject, record);
    }
    return found;
  }

  @Override
  public boolean replaceWrapped(Subject subject, Ciphertext expected, Ciphertext replacement) {
    AtomicBoolean replaced = new AtomicBoolean();
    records.computeIfPresent(subject, (s, current) -> {
      if (current instanceof StoredDataKey.Wrapped w && w.wrapped().equals(expected)) {
        replaced.set(true);
        return new StoredDataKey.Wrapped(s, w.version(), replacement, w.createdAt());
      }
      return current;
    });
    return replaced.get();
  }

  @Override
  public boolean shred(Subject subject, Instant at) {
    AtomicBoolean deleted = new AtomicBoolean();
    records.compute(subject, (s, current) -> {
      if (current instanceof StoredDataKey.Tombstone) return current;
      deleted.set(current != null);
      return new StoredDataKey.Tombstone(s, at);
    });
    return deleted.get();
  }

  @Override
  public List<StoredDataKey.Wrapped> wrappedUnderOtherThan(KeyRef newest, int limit) {
    return live().filter(w -> !w.wrapped().key().equals(newest)).limit(limit).toList();
  }

  @Override
  public Map<KeyRef, Long> countByMasterKey() {
    return live().collect(Collectors.groupingBy(w -> w.wrapped().key(), Collectors.counting()));
  }

  private java.util.stream.Stream<StoredDataKey.Wrapped> live() {
    return records.values().stream()
        .filter(StoredDataKey.Wrapped.class::isInstance)
        .map(StoredDataKey.Wrapped.class::cast);
  }
}
