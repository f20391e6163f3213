package dev.claraop.platform.crypto;

/**
 * How a P0 value is shown once stored: never in full, only its last four characters behind a fixed mask
 * ({@code ••••1234}), so that the length of the real value does not show either. Values of four characters
 * or fewer show nothing of themselves.
 */
public final class Masked {

  public static final String MASK = "••••";

  public static String of(String value) {
    if (value == null) return null;
    String compact = value.replaceAll("\\s+", "");
    if (compact.length() <= 4) return MASK;
    return MASK + compact.substring(compact.length() - 4);
  }

  private Masked() {}
}
