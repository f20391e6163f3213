package dev.claraop.payout.batch.internal;

import dev.claraop.payout.batch.BatchStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * The read model of a batch without its lines, rebuilt from the event store by {@link BatchProjection}: what the
 * batch list reads. The lines are documents of their own ({@link BatchLineDocument}), so that listing batches never
 * loads one. {@code creatorIds} (each creator the batch pays, once) is what a MANAGER's list is filtered on; queries
 * leave it out of what they read ({@link BatchViews}). {@code approvedAt} and {@code exportedAt} (the latest export)
 * are what a creator's payout trail shows of the batch's steps.
 */
@Document(BatchViewDocument.COLLECTION)
record BatchViewDocument(
    @Id String id, String tenantId, String currency, BatchStatus status, String generatedBy, String approvedBy,
    Instant generatedAt, Instant closedAt, @Field(targetType = FieldType.DECIMAL128) BigDecimal total,
    Integer lineCount, List<String> creatorIds, Instant purgedAt, Instant approvedAt, Instant exportedAt) {

  static final String COLLECTION = "batch_views";

  @PersistenceCreator
  BatchViewDocument {}

  /** A batch before its approval and export. */
  BatchViewDocument(
      String id, String tenantId, String currency, BatchStatus status, String generatedBy, String approvedBy,
      Instant generatedAt, Instant closedAt, BigDecimal total, Integer lineCount, List<String> creatorIds,
      Instant purgedAt) {
    this(id, tenantId, currency, status, generatedBy, approvedBy, generatedAt, closedAt, total, lineCount, creatorIds,
        purgedAt, null, null);
  }
}
