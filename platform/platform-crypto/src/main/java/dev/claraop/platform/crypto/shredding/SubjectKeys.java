package dev.claraop.platform.crypto.shredding;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The data keys of several subjects, opened together by {@link DataKeys#openAll} for one operation: one store
 * query for all of them, one unwrap each. Closing it closes (zeroes) every key. Same rules as {@link SubjectKey}.
 */
public final class SubjectKeys implements AutoCloseable {

  private final Map<Subject, SubjectKey> keys;

  SubjectKeys(Map<Subject, SubjectKey> keys) {
    this.keys = Collections.unmodifiableMap(keys);
  }

  /** The handle of {@code subject}, which must have been among the subjects opened. */
  public SubjectKey get(Subject subject) {
    SubjectKey key = keys.get(subject);
    if (key == null) throw new IllegalArgumentException(subject + " was not among the subjects opened together");
    return key;
  }

  public Set<Subject> subjects() {
    return keys.keySet();
  }

  @Override
  public void close() {
    keys.values().forEach(SubjectKey::close);
  }

  @Override
  public String toString() {
    return "SubjectKeys[" + keys.size() + " subject(s)]";
  }
}
