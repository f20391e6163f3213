package dev.claraop.payout.profile;

import java.time.Instant;

/**
 * A payout profile as the API shows it (DESIGN §8): the PUT body's names, P0 fields masked ({@code ••••1234}),
 * plus who edited it last and when.
 */
public record PayoutProfileView(
    String creatorId, String accountHolder, String country, String currency, String accountNumber,
    String routingCode, String iban, String bic, String taxId, String lastEditedBy, Instant updatedAt) {

  static PayoutProfileView of(
      String creatorId, String accountHolder, String country, String currency, ProfileMasks masks, String editedBy,
      Instant editedAt) {
    return new PayoutProfileView(creatorId, accountHolder, country, currency, masks.accountNumber(),
        masks.routingCode(), masks.iban(), masks.bic(), masks.taxId(), editedBy, editedAt);
  }
}
