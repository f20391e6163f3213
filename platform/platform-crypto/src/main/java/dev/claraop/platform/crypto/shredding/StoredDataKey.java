package dev.claraop.platform.crypto.shredding;

import dev.claraop.platform.crypto.keyring.Ciphertext;
import java.time.Instant;

/**
 * What the data-key store holds for a subject: its data key wrapped by the master ring, or a tombstone once the
 * key was shredded. The tombstone stays so that a shredded subject reads as shredded and never silently gets a
 * new key.
 */
public sealed interface StoredDataKey {

  Subject subject();

  /** The subject's data key, version {@code version}, wrapped under the master key {@code wrapped.key()}. */
  record Wrapped(Subject subject, int version, Ciphertext wrapped, Instant createdAt) implements StoredDataKey {}

  /** The key material is gone; only the fact and time of shredding remain. */
  record Tombstone(Subject subject, Instant shreddedAt) implements StoredDataKey {}
}
