package dev.claraop.payout.invoice;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A creator's invoice. {@code batchId} is set while a batch holds it, which is what keeps an invoice out
 * of two batches at once.
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
    String batchId) {}
