package dev.claraop.payout.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An invoice as the API shows it (DESIGN §8: id, creatorId, campaignId, amount, currency, status). */
public record InvoiceView(
    String id, String creatorId, String creatorName, String campaignId, BigDecimal amount, String currency,
    InvoiceStatus status, Instant submittedAt, String decidedBy, Instant decidedAt, String rejectionReason,
    String batchId, List<ProofOfDelivery> proofs) {

  static InvoiceView of(Invoice invoice) {
    return new InvoiceView(invoice.id(), invoice.creatorId(), invoice.creatorName(), invoice.campaignId(),
        invoice.amount(), invoice.currency(), invoice.status(), invoice.submittedAt(), invoice.decidedBy(),
        invoice.decidedAt(), invoice.rejectionReason(), invoice.batchId(),
        invoice.proofs() == null ? List.of() : invoice.proofs());
  }
}
