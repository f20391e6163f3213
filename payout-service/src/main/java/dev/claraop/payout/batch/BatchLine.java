package dev.claraop.payout.batch;

import java.math.BigDecimal;
import java.util.List;

/** One creator's line in a batch: the sum of that creator's invoices the batch pays. */
public record BatchLine(
    String lineId, String creatorId, String creatorName, BigDecimal amount, String currency, List<String> invoiceIds) {

  public BatchLine {
    if (amount.signum() <= 0) throw new IllegalArgumentException("a line pays a positive amount");
    invoiceIds = List.copyOf(invoiceIds);
  }
}
