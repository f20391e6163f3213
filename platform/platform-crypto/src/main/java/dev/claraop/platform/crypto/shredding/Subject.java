package dev.claraop.platform.crypto.shredding;

import java.util.regex.Pattern;

/**
 * Whose P0 data a data key protects, as {@code <kind>:<id>}: {@code payout-profile:7f3c…},
 * {@code batch:2024-06-001}. Shredding works per subject, so a subject is the unit of erasure.
 */
public record Subject(String value) {

  private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,39}:[A-Za-z0-9._-]{1,128}");

  public Subject {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("a subject is <kind>:<id>, kind a-z 0-9 -, id A-Z a-z 0-9 . _ -");
    }
  }

  public static Subject of(String kind, String id) {
    return new Subject(kind + ":" + id);
  }

  @Override
  public String toString() {
    return value;
  }
}
