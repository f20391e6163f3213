package dev.claraop.platform.crypto.shredding;

/**
 * The subject has neither a data key nor a tombstone. Not the same as shredded: either the key was never
 * created, or the data-key store lost records, and that must not be mistaken for an erasure.
 */
public final class MissingDataKey extends RuntimeException {

  public MissingDataKey(Subject subject) {
    super("no data key for " + subject + " (never created, or missing from the data-key store); create it with DataKeys.createKey");
  }
}
