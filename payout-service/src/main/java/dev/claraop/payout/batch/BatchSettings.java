package dev.claraop.payout.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxInvoices the most approved invoices one generation may take; more is refused with a 409 before anything
 *     is reserved, so that one request cannot build a batch the service's heap cannot hold (issue 19: a 10,000-line
 *     batch is the size the service is measured at, with room to spare)
 */
@ConfigurationProperties("claraop.payout.batches")
public record BatchSettings(@DefaultValue("50000") int maxInvoices) {

  public BatchSettings {
    if (maxInvoices < 1) throw new IllegalArgumentException("claraop.payout.batches.max-invoices must be at least 1");
  }
}
