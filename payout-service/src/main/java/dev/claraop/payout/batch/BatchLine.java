package dev.claraop.payout.batch;

import java.math.BigDecimal;
import java.util.List;

/**
 * One creator's line in a batch: the sum of that creator's invoices the batch pays, and the bank account it pays
 * to, snapshotted at generation. The creator's name is {@code sealedCreatorName}, ciphertext under the creator's own
 * data key ({@link CreatorNames}), so erasing the creator shreds it in the event store too; {@code creatorName} is
 * null in new lines and holds the plain name only in lines stored before names were sealed.
 */
public record BatchLine(
    String lineId, String creatorId, String creatorName, BigDecimal amount, String currency, List<String> invoiceIds,
    BankSnapshot bank, String sealedCreatorName) {

  public BatchLine {
    if (amount.signum() <= 0) throw new IllegalArgumentException("a line pays a positive amount");
    invoiceIds = List.copyOf(invoiceIds);
  }

  /**
   * The creator's bank account as the batch pays it: {@code sealedAccount} is ciphertext under the batch's own
   * data key ({@code batch:<id>}), so shredding that key erases it from the event store too; {@code account} is the
   * masked form views show; {@code detailsEditedBy} set those details last, and so may not approve the batch.
   */
  public record BankSnapshot(String sealedAccount, String account, String detailsEditedBy) {
    public BankSnapshot {
      if (sealedAccount == null || sealedAccount.isBlank()) throw new IllegalArgumentException("a snapshot is sealed");
    }
  }
}
