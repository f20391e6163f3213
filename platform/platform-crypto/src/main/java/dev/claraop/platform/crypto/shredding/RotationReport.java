package dev.claraop.platform.crypto.shredding;

import dev.claraop.platform.crypto.keyring.KeyRef;
import java.util.Map;

/**
 * After a rotation: how many data keys were re-wrapped under {@code newest}, and how many are still wrapped
 * under each older master key (a key may retire at 0).
 */
public record RotationReport(KeyRef newest, long rewrapped, Map<KeyRef, Long> stillUnderOldKeys) {

  public RotationReport {
    stillUnderOldKeys = Map.copyOf(stillUnderOldKeys);
  }

  public boolean complete() {
    return stillUnderOldKeys.values().stream().allMatch(count -> count == 0);
  }
}
