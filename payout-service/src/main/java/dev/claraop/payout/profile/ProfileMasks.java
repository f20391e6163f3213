package dev.claraop.payout.profile;

import dev.claraop.platform.crypto.Masked;

/** The P0 fields as anyone may see them once stored: {@code ••••1234}, or null where the field is not set. */
public record ProfileMasks(String accountNumber, String routingCode, String iban, String bic, String taxId) {

  static ProfileMasks of(BankDetails details) {
    return new ProfileMasks(Masked.of(details.accountNumber()), Masked.of(details.routingCode()),
        Masked.of(details.iban()), Masked.of(details.bic()), Masked.of(details.taxId()));
  }
}
