package dev.claraop.payout.profile;

import dev.claraop.platform.web.InvalidRequest;
import java.math.BigInteger;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A creator's payout profile, checked and normalised. The P0 fields (DESIGN §4) are {@code accountNumber},
 * {@code routingCode}, {@code iban}, {@code bic} and {@code taxId}; they exist in plaintext only in memory, on
 * their way to being sealed. Every refusal is an {@link InvalidRequest} naming the field and the rule, never
 * the value.
 */
public record BankDetails(
    String accountHolder, String country, String currency, String accountNumber, String routingCode, String iban,
    String bic, String taxId) {

  /** The P0 fields, by their API names. */
  public static final Set<String> P0_FIELDS = Set.of("accountNumber", "routingCode", "iban", "bic", "taxId");

  public static final int MAX_HOLDER_LENGTH = 70;
  private static final Pattern SEPARATORS = Pattern.compile("[ -]");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern BIC = Pattern.compile("[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern IBAN_SHAPE = Pattern.compile("([A-Z]{2})[0-9]{2}[A-Z0-9]{11,30}");
  private static final Pattern ROUTING = Pattern.compile("[A-Z0-9]{4,15}");
  private static final Pattern TAX_ID = Pattern.compile("[A-Z0-9][A-Z0-9 ./-]{3,18}[A-Z0-9]");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** IBAN lengths by country, from the SWIFT IBAN registry (ISO 13616). */
  private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
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

  /** Checks and normalises a request; the first broken rule is refused, naming its field. */
  public static BankDetails from(PayoutProfileRequest request) {
    String holder = holder(request.accountHolder());
    String country = country(request.country());
    String currency = currency(request.currency());
    String iban = iban(request.iban());
    String bic = bic(request.bic());
    String accountNumber = accountNumber(request.accountNumber());
    String routingCode = routingCode(request.routingCode(), country);
    String taxId = taxId(request.taxId());
    if (iban == null && accountNumber == null) throw new InvalidRequest("iban", "an iban or an accountNumber is required");
    if (accountNumber != null && "US".equals(country) && routingCode == null) {
      throw new InvalidRequest("routingCode", "is required with a US accountNumber (the ABA routing number)");
    }
    return new BankDetails(holder, country, currency, accountNumber, routingCode, iban, bic, taxId);
  }

  /** The P0 fields this profile holds, by name. */
  public Set<String> p0FieldsPresent() {
    Set<String> present = new LinkedHashSet<>();
    if (accountNumber != null) present.add("accountNumber");
    if (routingCode != null) present.add("routingCode");
    if (iban != null) present.add("iban");
    if (bic != null) present.add("bic");
    if (taxId != null) present.add("taxId");
    return present;
  }

  /** What the bank needs to pay the creator: the tax id stays behind (it is not part of a transfer). */
  public BankAccount account() {
    return new BankAccount(accountHolder, country, accountNumber, routingCode, iban, bic);
  }

  @Override
  public String toString() {
    return "BankDetails[values hidden]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String holder(String value) {
    String holder = blankToNull(value);
    if (holder == null) throw new InvalidRequest("accountHolder", "is required");
    if (holder.codePointCount(0, holder.length()) > MAX_HOLDER_LENGTH) {
      throw new InvalidRequest("accountHolder", "must be at most " + MAX_HOLDER_LENGTH + " characters");
    }
    if (holder.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidRequest("accountHolder", "must be a single line of text");
    }
    return holder;
  }

  private static String country(String value) {
    String country = blankToNull(value);
    if (country == null) throw new InvalidRequest("country", "is required");
    if (!country.matches("[A-Z]{2}") || !COUNTRIES.contains(country)) {
      throw new InvalidRequest("country", "must be an ISO 3166-1 alpha-2 code");
    }
    return country;
  }

  private static String currency(String value) {
    String currency = blankToNull(value);
    if (currency == null) throw new InvalidRequest("currency", "is required");
    try {
      if (!currency.matches("[A-Z]{3}")) throw new IllegalArgumentException();
      return Currency.getInstance(currency).getCurrencyCode();
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequest("currency", "must be an ISO 4217 code");
    }
  }

  private static String iban(String value) {
    String raw = blankToNull(value);
    if (raw == null) return null;
    String iban = raw.replace(" ", "").toUpperCase(Locale.ROOT);
    var shape = IBAN_SHAPE.matcher(iban);
    if (!shape.matches()) throw new InvalidRequest("iban", "is not an IBAN (ISO 13616)");
    Integer length = IBAN_LENGTHS.get(shape.group(1));
    if (length == null) throw new InvalidRequest("iban", "names a country that does not use IBANs");
    if (iban.length() != length) throw new InvalidRequest("iban", "has the wrong length for its country");
    if (!mod97Holds(iban)) throw new InvalidRequest("iban", "fails its check digits (mod 97)");
    return iban;
  }

  static boolean mod97Holds(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    rearranged.chars().forEach(c -> digits.append(Character.isDigit(c) ? String.valueOf((char) c) : String.valueOf(c - 'A' + 10)));
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  private static String bic(String value) {
    String raw = blankToNull(value);
    if (raw == null) return null;
    String bic = raw.toUpperCase(Locale.ROOT);
    var shape = BIC.matcher(bic);
    if (!shape.matches() || !(COUNTRIES.contains(shape.group(1)) || "XK".equals(shape.group(1)))) {
      throw new InvalidRequest("bic", "is not a BIC (ISO 9362: 8 or 11 letters and digits)");
    }
    return bic;
  }

  private static String accountNumber(String value) {
    String raw = blankToNull(value);
    if (raw == null) return null;
    String number = SEPARATORS.matcher(raw).replaceAll("");
    if (!DIGITS.matcher(number).matches()) throw new InvalidRequest("accountNumber", "must be digits (spaces and dashes allowed)");
    if (number.length() < 4 || number.length() > 20) throw new InvalidRequest("accountNumber", "must be 4 to 20 digits");
    return number;
  }

  private static String routingCode(String value, String country) {
    String raw = blankToNull(value);
    if (raw == null) return null;
    String code = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    if ("US".equals(country)) {
      if (!code.matches("[0-9]{9}") || !abaChecksumHolds(code)) {
        throw new InvalidRequest("routingCode", "is not an ABA routing number (9 digits with a valid check digit)");
      }
      return code;
    }
    if (!ROUTING.matcher(code).matches()) throw new InvalidRequest("routingCode", "must be 4 to 15 letters and digits");
    return code;
  }

  /** ABA: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10. */
  static boolean abaChecksumHolds(String routing) {
    int[] d = routing.chars().map(c -> c - '0').toArray();
    int sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
    return sum % 10 == 0;
  }

  private static String taxId(String value) {
    String raw = blankToNull(value);
    if (raw == null) return null;
    String taxId = raw.toUpperCase(Locale.ROOT);
    if (!TAX_ID.matcher(taxId).matches()) {
      throw new InvalidRequest("taxId", "must be 5 to 20 letters, digits, spaces, dots, slashes or dashes");
    }
    return taxId;
  }
}
