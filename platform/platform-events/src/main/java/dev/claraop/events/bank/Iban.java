package dev.claraop.events.bank;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616), compact and upper case: a country of the SWIFT IBAN registry, that
 * country's length, and check digits that hold (mod 97 = 1). Here and not in a service because payout validates IBANs
 * while support-access (forms) and payout (batch notes) detect them in free text: one registry table, one checksum.
 */
public record Iban(String value) {

  private static final Pattern SHAPE = Pattern.compile("([A-Z]{2})[0-9]{2}[A-Z0-9]{11,30}");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /** IBAN lengths by country, from the SWIFT IBAN registry (ISO 13616). */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
      Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
      Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
      Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
      Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
      Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
      Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
      Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
      Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
      Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
      Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
      Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
      Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
      Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
      Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
      Map.entry("VG", 24), Map.entry("XK", 20));

  /** @throws Invalid naming the first rule {@code value} breaks, never the value */
  public Iban {
    if (value == null) throw new Invalid("is not an IBAN (ISO 13616)");
    Matcher shape = SHAPE.matcher(value);
    if (!shape.matches()) throw new Invalid("is not an IBAN (ISO 13616)");
    OptionalInt length = lengthIn(shape.group(1));
    if (length.isEmpty()) throw new Invalid("names a country that does not use IBANs");
    if (value.length() != length.getAsInt()) throw new Invalid("has the wrong length for its country");
    if (!checksumHolds(value)) throw new Invalid("fails its check digits (mod 97)");
  }

  /** An IBAN as people type it: spaces dropped, letters in either case. */
  public static Iban typed(String text) {
    return new Iban(text == null ? null : text.replace(" ", "").toUpperCase(Locale.ROOT));
  }

  /** How many characters an IBAN of {@code country} (upper case) has; empty for a country outside the registry. */
  public static OptionalInt lengthIn(String country) {
    Integer length = LENGTHS.get(country);
    return length == null ? OptionalInt.empty() : OptionalInt.of(length);
  }

  /**
   * Whether the ISO 13616 check holds (the four leading characters moved to the end, letters as 10 to 35, mod 97 = 1)
   * for compact upper-case text of at least five characters; neither country nor length is looked at.
   */
  public static boolean checksumHolds(CharSequence compact) {
    String text = compact.toString();
    String rearranged = text.substring(4) + text.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }

  @Override
  public String toString() {
    return "Iban[value hidden]";
  }

  /** Text that is not an IBAN; the message names the rule it breaks, never the text. */
  public static final class Invalid extends IllegalArgumentException {
    Invalid(String rule) {
      super(rule);
    }
  }
}
