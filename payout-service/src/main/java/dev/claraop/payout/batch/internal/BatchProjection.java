package dev.claraop.payout.batch.internal;

import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import dev.claraop.payout.batch.BatchLine;
import dev.claraop.payout.batch.BatchStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code batch_views} in step with the event store. Delivery is at least once (token and view are
 * not written atomically on Mongo), so every handler is an idempotent overwrite keyed by batch id.
 */
@Component
@ProcessingGroup(BatchProjection.GROUP)
class BatchProjection {

  static final String GROUP = "batch-views";
  private final MongoTemplate mongo;

  BatchProjection(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventHandler
  void on(BatchGenerated event, @Timestamp Instant at) {
    BigDecimal total = event.lines().stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    mongo.save(new BatchViewDocument(event.batchId(), event.tenantId(), event.currency(), BatchStatus.GENERATED,
        event.generatedBy(), null, at, null, total,
        event.lines().stream().map(l -> new BatchViewDocument.LineDocument(l.lineId(), l.creatorId(),
            l.creatorName(), l.amount(), l.currency(), "PENDING")).toList()));
  }
}
