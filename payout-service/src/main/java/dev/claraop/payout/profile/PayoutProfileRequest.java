package dev.claraop.payout.profile;

/**
 * Body of {@code PUT /api/payout-profiles/{creatorId}} (DESIGN §8). Every field is checked by
 * {@link BankDetails#from}; a refusal names the field and never repeats its value.
 */
public record PayoutProfileRequest(
    String accountHolder, String country, String currency, String accountNumber, String routingCode, String iban,
    String bic, String taxId) {

  /** Bank details must not reach a log line through a default toString. */
  @Override
  public String toString() {
    return "PayoutProfileRequest[values hidden]";
  }
}
