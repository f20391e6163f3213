package dev.claraop.payout.invoice;

import dev.claraop.platform.outbox.OutboxRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A creator's invoice: submitted by the creator, then approved or rejected by an ADMIN or the MANAGER of the
 * creator's pod, never edited. {@code batchId} is set while a batch holds it, which is what keeps an invoice out of
 * two batches at once. Each change carries its event in {@code outbox} (platform-outbox relays it).
 */
@Document("invoices")
public record Invoice(
    @Id String id,
    String tenantId,
    String creatorId,
    String creatorName,
    String campaignId,
    @Field(targetType = FieldType.DECIMAL128) BigDecimal amount,
    String currency,
    InvoiceStatus status,
    String batchId,
    Instant submittedAt,
    String decidedBy,
    Instant decidedAt,
    String rejectionReason,
    List<ProofOfDelivery> proofs,
    List<OutboxRecord> outbox) {

  /** An invoice that was never submitted through the API (demo data, tests' seeds). */
  public Invoice(String id, String tenantId, String creatorId, String creatorName, String campaignId, BigDecimal amount,
      String currency, InvoiceStatus status, String batchId) {
    this(id, tenantId, creatorId, creatorName, campaignId, amount, currency, status, batchId, null, null, null, null,
        List.of(), List.of());
  }
}
