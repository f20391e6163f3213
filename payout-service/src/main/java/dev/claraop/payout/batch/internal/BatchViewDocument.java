package dev.claraop.payout.batch.internal;

import dev.claraop.payout.batch.BatchStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * The read model of a batch without its lines, rebuilt from the event store by {@link BatchProjection}: what the
 * batch list reads. The lines are documents of their own ({@link BatchLineDocument}), so that listing batches never
 * loads one. {@code creatorIds} (each creator the batch pays, once) is what a MANAGER's list is filtered on; queries
 * leave it out of what they read ({@link BatchViews}).
 */
@Document(BatchViewDocument.COLLECTION)
record BatchViewDocument(
    @Id String id, String tenantId, String currency, BatchStatus status, String generatedBy, String approvedBy,
    Instant generatedAt, Instant closedAt, @Field(targetType = FieldType.DECIMAL128) BigDecimal total,
    Integer lineCount, List<String> creatorIds, Instant purgedAt) {

  static final String COLLECTION = "batch_views";
}
