package dev.claraop.payout.batch;

import dev.claraop.events.bank.Iban;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's note on a batch (why it was cancelled, why a line failed). Notes travel on
 * {@code payout.events} and into the audit log, where bank details must never go (DESIGN §4), so text that
 * holds an IBAN or an account number is refused when the note is made, not filtered later.
 */
public record BatchNote(String text) {

  public static final int MAX_LENGTH = 200;
  // Where an IBAN may start: country, check digits, then letters or digits, typed with or without spaces.
  private static final Pattern IBAN_CANDIDATE = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}");
  // An account, routing or card number: nine or more digits in a row, spaces and dashes between them allowed.
  private static final Pattern LONG_NUMBER = Pattern.compile("[0-9](?:[ -]?[0-9]){8,}");

  public BatchNote {
    if (text == null || text.isBlank()) throw new Refused("must not be blank");
    text = text.strip();
    if (text.codePointCount(0, text.length()) > MAX_LENGTH) throw new Refused("must be at most " + MAX_LENGTH + " characters");
    if (text.codePoints().anyMatch(Character::isISOControl)) throw new Refused("must be a single line of text");
    if (LONG_NUMBER.matcher(text).find() || holdsIban(text)) {
      throw new Refused("must not contain account numbers or other bank details");
    }
  }

  /** An IBAN by its ISO 13616 check (mod 97 = 1), so that ordinary words after "AB12" are not refused. */
  private static boolean holdsIban(String text) {
    Matcher candidates = IBAN_CANDIDATE.matcher(text.toUpperCase(Locale.ROOT));
    while (candidates.find()) {
      String compact = candidates.group().replace(" ", "");
      for (int length = 15; length <= compact.length(); length++) {
        if (Iban.checksumHolds(compact.substring(0, length))) return true;
      }
    }
    return false;
  }

  /** A note refused by one of its rules; the message names the rule, never the text. */
  public static final class Refused extends IllegalArgumentException {
    Refused(String rule) {
      super(rule);
    }
  }
}
