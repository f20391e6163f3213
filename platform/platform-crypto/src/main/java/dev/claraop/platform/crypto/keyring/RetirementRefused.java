package dev.claraop.platform.crypto.keyring;

/** A master key may leave the ring only when nothing depends on it any more. */
public final class RetirementRefused extends RuntimeException {

  private final KeyRef key;

  public RetirementRefused(KeyRef key, String why) {
    super("master key " + key + " cannot be retired: " + why);
    this.key = key;
  }

  public KeyRef key() {
    return key;
  }
}
