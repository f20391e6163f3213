package dev.claraop.payout.batch.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.batch.BatchEvents.BatchApproved;
import dev.claraop.payout.batch.BatchEvents.BatchCancelled;
import dev.claraop.payout.batch.BatchEvents.BatchClosed;
import dev.claraop.payout.batch.BatchEvents.BatchExported;
import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import dev.claraop.payout.batch.BatchEvents.BatchPurged;
import dev.claraop.payout.batch.BatchView;
import dev.claraop.payout.batch.BatchEvents.LineFailed;
import dev.claraop.payout.batch.BatchEvents.LinePaid;
import dev.claraop.payout.batch.BatchLine;
import dev.claraop.payout.batch.BatchStatus;
import dev.claraop.payout.batch.CreatorNames;
import dev.claraop.payout.batch.LineStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code batch_views} in step with the event store. Delivery is at least once (token and view are
 * not written atomically on Mongo) and in order per batch, so every handler is an idempotent overwrite
 * keyed by batch id: a redelivered run of events ends in the same view. Creator names are opened from the event
 * with the creator's key as they are projected, so a replay after an account erasure shows {@code erased}.
 */
@Component
@ProcessingGroup(BatchProjection.GROUP)
class BatchProjection {

  static final String GROUP = "batch-views";
  private final MongoTemplate mongo;
  private final CreatorNames names;

  BatchProjection(MongoTemplate mongo, CreatorNames names) {
    this.mongo = mongo;
    this.names = names;
  }

  @EventHandler
  void on(BatchGenerated event, @Timestamp Instant at) {
    BigDecimal total = event.lines().stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<String, String> nameOfLine = names.open(event.tenantId(), event.lines());
    mongo.save(new BatchViewDocument(event.batchId(), event.tenantId(), event.currency(), BatchStatus.GENERATED,
        event.generatedBy(), null, at, null, total,
        event.lines().stream().map(l -> new BatchViewDocument.LineDocument(l.lineId(), l.creatorId(),
            nameOfLine.get(l.lineId()), l.amount(), l.currency(), LineStatus.PENDING,
            l.bank() == null ? null : l.bank().account())).toList(), null));
  }

  @EventHandler
  void on(BatchApproved event) {
    batch(event.batchId(), Update.update("status", BatchStatus.APPROVED).set("approvedBy", event.approvedBy()));
  }

  @EventHandler
  void on(BatchExported event) {
    batch(event.batchId(), Update.update("status", BatchStatus.EXPORTED));
  }

  @EventHandler
  void on(BatchCancelled event) {
    batch(event.batchId(), Update.update("status", BatchStatus.CANCELLED).set("closedAt", event.closedAt()));
  }

  @EventHandler
  void on(LinePaid event) {
    line(event.batchId(), event.lineId(), LineStatus.PAID);
  }

  @EventHandler
  void on(LineFailed event) {
    line(event.batchId(), event.lineId(), LineStatus.FAILED);
  }

  @EventHandler
  void on(BatchClosed event) {
    batch(event.batchId(), Update.update("status", event.status()).set("closedAt", event.closedAt()));
  }

  /** The purge blanks every account shown; creator names, amounts, currency and statuses stay. */
  @EventHandler
  void on(BatchPurged event) {
    BatchViewDocument view = mongo.findById(event.batchId(), BatchViewDocument.class);
    if (view == null) return;
    mongo.save(new BatchViewDocument(view.id(), view.tenantId(), view.currency(), view.status(), view.generatedBy(),
        view.approvedBy(), view.generatedAt(), view.closedAt(), view.total(),
        view.lines().stream().map(l -> new BatchViewDocument.LineDocument(l.id(), l.creatorId(), l.creatorName(),
            l.amount(), l.currency(), l.status(), BatchView.SHREDDED)).toList(), event.purgedAt()));
  }

  private void batch(String batchId, Update update) {
    mongo.updateFirst(query(where("_id").is(batchId)), update, BatchViewDocument.class);
  }

  private void line(String batchId, String lineId, LineStatus status) {
    mongo.updateFirst(query(where("_id").is(batchId).and("lines.id").is(lineId)),
        Update.update("lines.$.status", status), BatchViewDocument.class);
  }
}
