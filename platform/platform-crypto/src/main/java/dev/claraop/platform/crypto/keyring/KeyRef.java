package dev.claraop.platform.crypto.keyring;

/**
 * Names a key without revealing it: an id and a version. Master keys have short ids ({@code main v3}); a
 * subject's data key is named by the subject ({@code payout-profile:42 v1}).
 */
public record KeyRef(String id, int version) {

  public KeyRef {
    if (id == null || id.isBlank() || id.length() > 200 || !id.codePoints().allMatch(KeyRef::allowedInId)) {
      throw new IllegalArgumentException("a key id is 1 to 200 printable ASCII characters without spaces");
    }
    if (version < 1) throw new IllegalArgumentException("a key version starts at 1");
  }

  private static boolean allowedInId(int c) {
    return c > ' ' && c < 127;
  }

  @Override
  public String toString() {
    return id + " v" + version;
  }
}
