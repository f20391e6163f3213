package dev.claraop.access.sensitive;

import dev.claraop.events.bank.Iban;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds data that must never arrive through free text (DESIGN §4, §6.7): numbers are confirmed by their
 * checksums (IBAN mod 97, card Luhn, ABA routing) so that ordinary numbers in a message pass, and secrets
 * by the shapes their issuers give them. It answers the first kind found, never the matched text.
 * Pure and thread-safe.
 */
public final class SensitiveContent {

  private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----");

  // Header and payload of a JWT are base64url JSON objects, so both start with "eyJ" ('{"').
  private static final Pattern JWT = Pattern.compile(
      "eyJ[A-Za-z0-9_-]{6,}\\.eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*|eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");

  // Shapes issuers publish so that leaked keys can be found: Stripe, AWS, GitHub, Slack, Google, GitLab,
  // OpenAI/Anthropic-style "sk-", SendGrid, npm, Twilio.
  private static final Pattern VENDOR_KEY = Pattern.compile(
      "\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"
          + "|\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\\b"
          + "|\\bgh[pousr]_[A-Za-z0-9]{30,}|\\bgithub_pat_[A-Za-z0-9_]{20,}"
          + "|\\bxox[abposr]-[A-Za-z0-9-]{10,}"
          + "|\\bAIza[0-9A-Za-z_-]{35}"
          + "|\\bglpat-[A-Za-z0-9_-]{20,}"
          + "|\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"
          + "|\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"
          + "|\\bnpm_[A-Za-z0-9]{36}"
          + "|\\bSK[0-9a-f]{32}\\b");

  // A long token right after a name that says it is one: "api_key=…", "token: …", "Bearer …".
  private static final Pattern LABELLED_SECRET = Pattern.compile(
      "(?i)(?:api[_ -]?key|apikey|secret(?:[_ -]?key)?|client[_ -]?secret|access[_ -]?token|auth[_ -]?token|token"
          + "|private[_ -]?key|aws_secret_access_key)\\s*[\"']?\\s*(?:[:=]|=>)\\s*[\"']?([A-Za-z0-9_\\-./+=]{16,})"
          + "|(?i)\\bbearer\\s+([A-Za-z0-9_\\-./+=]{20,})");

  private static final Pattern PASSWORD_ASSIGNED = Pattern.compile(
      "(?i)\\b(?:password|passwort|passwd|passcode|pwd|pw|pass)\\s*[\"']?\\s*(?:[:=]|=>)\\s*[\"']?(\\S{3,})");
  private static final Pattern PASSWORD_TOLD = Pattern.compile(
      "(?i)\\b(?:password|passwd|passcode|pwd)\\s+(?:is|was|would be)\\s*[:\"']?\\s*(\\S{6,})");

  // Digits in groups separated by one space or dash: card numbers are typed "4111 1111 1111 1111".
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])[0-9]+(?:[ -][0-9]+)*(?![0-9A-Za-z])");

  // SSN as written: AAA-GG-SSSS (or with spaces); area not 000, 666 or 9xx, group not 00, serial not 0000.
  private static final Pattern SSN_SHAPED = Pattern.compile(
      "(?<![0-9])(?!000|666|9[0-9]{2})[0-9]{3}([- ])(?!00)[0-9]{2}\\1(?!0000)[0-9]{4}(?![0-9])");
  private static final Pattern SSN_LABELLED = Pattern.compile(
      "(?i)\\b(?:ssn|social security(?: number| no\\.?| #)?|ss#)\\s*(?:number|no\\.?|#)?\\s*[:=#-]?\\s*"
          + "(?!000|666|9[0-9]{2})[0-9]{3}[- ]?(?!00)[0-9]{2}[- ]?(?!0000)[0-9]{4}(?![0-9])");

  // "bank account", "account number", "acct" (a customer's "account 1042" with us is not bank data).
  private static final Pattern ACCOUNT_LABELLED = Pattern.compile(
      "(?i)\\b(?:bank\\s+account(?:\\s+(?:number|no\\.?|#))?|account\\s+(?:number|no\\.?|#)|acct\\.?(?:\\s*(?:number|no\\.?|#))?"
          + "|kontonummer|konto)\\s*(?:is)?\\s*[:=#-]?\\s*([0-9][0-9 -]{4,22}[0-9])");

  private static final Pattern IBAN_START = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z]{2})([0-9]{2})");

  /** The first kind of sensitive data in {@code text}, if any. */
  public Optional<SensitiveKind> find(String text) {
    if (text == null || text.isEmpty()) return Optional.empty();
    String t = normalised(text);
    if (PRIVATE_KEY.matcher(t).find()) return Optional.of(SensitiveKind.PRIVATE_KEY);
    if (JWT.matcher(t).find()) return Optional.of(SensitiveKind.JWT);
    if (VENDOR_KEY.matcher(t).find() || labelledSecret(t)) return Optional.of(SensitiveKind.API_KEY);
    if (password(t)) return Optional.of(SensitiveKind.PASSWORD);
    // IBAN first: its groups of digits may pass Luhn by chance, while an IBAN needs a country, length and mod 97.
    if (holdsIban(t)) return Optional.of(SensitiveKind.IBAN);
    List<String> runs = digitRuns(t);
    if (runs.stream().anyMatch(SensitiveContent::holdsCardNumber)) return Optional.of(SensitiveKind.CARD_NUMBER);
    if (SSN_SHAPED.matcher(t).find() || SSN_LABELLED.matcher(t).find()) return Optional.of(SensitiveKind.SSN);
    if (bankAccount(t, runs)) return Optional.of(SensitiveKind.BANK_ACCOUNT);
    return Optional.empty();
  }

  /**
   * Full-width digits and letters folded to ASCII, invisible format characters (zero-width spaces, joiners)
   * removed and runs of white space made one space, so that a number cannot slip through by being disguised.
   */
  static String normalised(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .replaceAll("\\p{Cf}", "")
        .replaceAll("[\\s\\u00A0]+", " ");
  }

  private static boolean labelledSecret(String text) {
    Matcher m = LABELLED_SECRET.matcher(text);
    while (m.find()) {
      String token = m.group(1) != null ? m.group(1) : m.group(2);
      if (looksRandom(token)) return true;
    }
    return false;
  }

  /** A generated secret mixes character classes and has high entropy; a word or a sentence does not. */
  static boolean looksRandom(String token) {
    int classes = 0;
    if (token.chars().anyMatch(Character::isDigit)) classes++;
    if (token.chars().anyMatch(Character::isUpperCase)) classes++;
    if (token.chars().anyMatch(Character::isLowerCase)) classes++;
    return classes >= 2 && shannonBitsPerChar(token) >= 3.0;
  }

  static double shannonBitsPerChar(String s) {
    Map<Integer, Long> counts = s.chars().boxed()
        .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
    double bits = 0;
    for (long n : counts.values()) {
      double p = (double) n / s.length();
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }

  private static boolean password(String text) {
    Matcher assigned = PASSWORD_ASSIGNED.matcher(text);
    while (assigned.find()) {
      // "password: reset link never arrives" is a question about passwords; "password: Summer2024!" is one.
      String value = assigned.group(1).replaceAll("[\"',.;!?)]+$", "");
      if (value.length() >= 4 && !isPlainWord(value)) return true;
      if (value.length() >= 6 && isPlainWord(value) && !COMMON_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    Matcher told = PASSWORD_TOLD.matcher(text);
    while (told.find()) {
      String value = told.group(1).replaceAll("[\"',.;!?)]+$", "");
      if (value.length() >= 6 && !isPlainWord(value)) return true;
    }
    return false;
  }

  private static boolean isPlainWord(String value) {
    return value.chars().allMatch(Character::isLowerCase);
  }

  // Words that follow "password:" in questions about passwords rather than in a password.
  private static final java.util.Set<String> COMMON_WORDS = java.util.Set.of(
      "reset", "resets", "change", "changes", "changed", "policy", "policies", "expired", "expiry", "forgotten",
      "forgot", "rules", "requirements", "length", "manager", "managers", "recovery", "problem", "problems",
      "question", "issue", "issues", "update", "updated", "required", "rotation", "complexity", "minimum",
      "strength", "protected", "doesn't", "cannot", "missing", "invalid", "incorrect", "locked", "unknown");

  private static List<String> digitRuns(String text) {
    List<String> runs = new ArrayList<>();
    Matcher m = DIGIT_RUN.matcher(text);
    while (m.find()) runs.add(m.group());
    return runs;
  }

  /**
   * A run of 13 to 19 digits, or a stretch of whole groups within a run, that passes the Luhn check. Whole
   * groups only, so that "4111 1111 1111 1111 12 25" (card, expiry) is still found but arbitrary windows
   * of a long reference number are not tried.
   */
  static boolean holdsCardNumber(String run) {
    String[] groups = run.split("[ -]");
    for (int from = 0; from < groups.length; from++) {
      StringBuilder digits = new StringBuilder();
      for (int to = from; to < groups.length; to++) {
        digits.append(groups[to]);
        if (digits.length() > 19) break;
        if (digits.length() >= 13 && luhn(digits)) return true;
      }
    }
    return false;
  }

  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0 && !allSame(digits);
  }

  private static boolean allSame(CharSequence digits) {
    return digits.chars().allMatch(c -> c == digits.charAt(0));
  }

  /**
   * An IBAN of a registry country, with exactly that country's length, typed with or without spaces or
   * dashes, in either case, whose ISO 13616 check (mod 97 = 1) holds.
   */
  static boolean holdsIban(String text) {
    Matcher start = IBAN_START.matcher(text);
    while (start.find()) {
      OptionalInt registered = Iban.lengthIn(start.group(1).toUpperCase(Locale.ROOT));
      if (registered.isEmpty()) continue;
      int length = registered.getAsInt();
      StringBuilder iban = new StringBuilder(start.group(1).toUpperCase(Locale.ROOT)).append(start.group(2));
      for (int i = start.end(); i < text.length() && iban.length() < length; i++) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) && c < 128) {
          iban.append(Character.toUpperCase(c));
        } else if ((c != ' ' && c != '-') || i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1))) {
          break;
        }
      }
      if (iban.length() == length && Iban.checksumHolds(iban)) return true;
    }
    return false;
  }

  /**
   * A routing number (nine digits passing the ABA check) together with another number long enough to be an
   * account, or a number labelled as an account. A routing number alone identifies a bank, not a person.
   */
  private static boolean bankAccount(String text, List<String> runs) {
    Matcher labelled = ACCOUNT_LABELLED.matcher(text);
    while (labelled.find()) {
      if (labelled.group(1).replaceAll("[ -]", "").length() >= 6) return true;
    }
    List<String> numbers = runs.stream().map(r -> r.replaceAll("[ -]", "")).toList();
    for (int i = 0; i < numbers.size(); i++) {
      if (!aba(numbers.get(i))) continue;
      for (int j = 0; j < numbers.size(); j++) {
        String other = numbers.get(j);
        if (j != i && other.length() >= 6 && other.length() <= 17) return true;
      }
    }
    return false;
  }

  /** The ABA routing checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
  static boolean aba(String digits) {
    if (digits.length() != 9 || allSame(digits)) return false;
    int[] d = digits.chars().map(c -> c - '0').toArray();
    int sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
    return sum % 10 == 0;
  }
}
