package dev.claraop.payout.profile;

import dev.claraop.events.bank.Iban;
import dev.claraop.platform.web.InvalidRequest;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Locale;
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
  private static final Pattern ROUTING = Pattern.compile("[A-Z0-9]{4,15}");
  private static final Pattern TAX_ID = Pattern.compile("[A-Z0-9][A-Z0-9 ./-]{3,18}[A-Z0-9]");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

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
    try {
      return Iban.typed(raw).value();
    } catch (Iban.Invalid invalid) {
      throw new InvalidRequest("iban", invalid.getMessage());
    }
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
