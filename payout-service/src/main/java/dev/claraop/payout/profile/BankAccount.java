package dev.claraop.payout.profile;

/**
 * What a bank needs to pay a creator, as sealed into a batch line (DESIGN §6.3): P0 in plaintext, so it
 * exists only in memory, between the seal and the bank file.
 */
public record BankAccount(
    String accountHolder, String country, String accountNumber, String routingCode, String iban, String bic) {

  /** The masked account shown in batch views: the IBAN's, else the account number's last four. */
  public String masked() {
    return dev.claraop.platform.crypto.Masked.of(iban != null ? iban : accountNumber);
  }

  @Override
  public String toString() {
    return "BankAccount[values hidden]";
  }
}
