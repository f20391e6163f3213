package dev.claraop.payout.batch.internal;

import dev.claraop.payout.batch.BatchStatus;
import dev.claraop.payout.batch.LineStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/** The read model of a batch, rebuilt from the event store by {@link BatchProjection}. */
@Document("batch_views")
record BatchViewDocument(
    @Id String id, String tenantId, String currency, BatchStatus status, String generatedBy, String approvedBy,
    Instant generatedAt, Instant closedAt, @Field(targetType = FieldType.DECIMAL128) BigDecimal total,
    List<LineDocument> lines, Instant purgedAt) {

  /** {@code account}: masked only, never the sealed value; {@code SHREDDED} after the purge. */
  record LineDocument(
      String id, String creatorId, String creatorName, @Field(targetType = FieldType.DECIMAL128) BigDecimal amount,
      String currency, LineStatus status, String account) {}
}
