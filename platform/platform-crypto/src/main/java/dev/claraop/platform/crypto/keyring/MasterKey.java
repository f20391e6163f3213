package dev.claraop.platform.crypto.keyring;

import dev.claraop.platform.crypto.fernet.FernetKey;
import java.util.regex.Pattern;

/** One key of the master ring. Its id is a short name; its version orders the ring (highest encrypts). */
public record MasterKey(KeyRef ref, FernetKey key) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

  public MasterKey {
    if (ref == null || key == null) throw new IllegalArgumentException("a master key has a name and a secret");
    if (!ID.matcher(ref.id()).matches()) {
      throw new IllegalArgumentException("a master key id is 1 to 40 of a-z 0-9 . _ - (no colon)");
    }
  }
}
