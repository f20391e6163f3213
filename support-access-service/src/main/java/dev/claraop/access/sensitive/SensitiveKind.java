package dev.claraop.access.sensitive;

/** The kinds of data free text must not carry, each with the words a refusal uses to name it. */
public enum SensitiveKind {
  PRIVATE_KEY("a private key"),
  JWT("an access token (JWT)"),
  API_KEY("an API key or secret token"),
  PASSWORD("a password"),
  CARD_NUMBER("a payment card number"),
  IBAN("an IBAN"),
  SSN("a social security number"),
  BANK_ACCOUNT("a bank account or routing number");

  private final String description;

  SensitiveKind(String description) {
    this.description = description;
  }

  /** e.g. "a payment card number": what the refusal names, never the value itself. */
  public String description() {
    return description;
  }
}
