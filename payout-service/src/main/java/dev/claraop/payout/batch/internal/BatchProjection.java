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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code batch_views} (one summary per batch) and {@code batch_view_lines} (one document per line) in step with
 * the event store. Delivery is at least once (token and view are not written atomically on Mongo) and in order per
 * batch, so every handler is an idempotent overwrite keyed by batch or line id: a redelivered run of events ends in
 * the same view. A batch's lines are written before its summary, so a batch that can be listed has its lines. Creator
 * names are opened from the event with the creator's key as they are projected, so a replay after an account erasure
 * shows {@code erased}.
 */
@Component
@ProcessingGroup(BatchProjection.GROUP)
class BatchProjection {

  static final String GROUP = "batch-views";
  /** Lines written per insert: a 10,000-line batch goes in ten round trips, none of them a huge message. */
  private static final int INSERT_CHUNK = 1_000;
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
    // A redelivered event replaces the lines it wrote before (later events, redelivered after it, follow again).
    mongo.remove(query(where("slot").in(BatchLineDocument.slots(event.batchId(), 0, event.lines().size()))),
        BatchLineDocument.class);
    List<BatchLineDocument> chunk = new ArrayList<>(Math.min(INSERT_CHUNK, event.lines().size()));
    Set<String> creators = new LinkedHashSet<>();
    for (int position = 0; position < event.lines().size(); position++) {
      BatchLine l = event.lines().get(position);
      creators.add(l.creatorId());
      chunk.add(new BatchLineDocument(l.lineId(), event.batchId(), event.tenantId(), position,
          BatchLineDocument.slot(event.batchId(), position), l.creatorId(),
          nameOfLine.get(l.lineId()), l.amount(), l.currency(), LineStatus.PENDING,
          l.bank() == null ? null : l.bank().account(), at, null, null));
      if (chunk.size() == INSERT_CHUNK) {
        mongo.insert(chunk, BatchLineDocument.class);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) mongo.insert(chunk, BatchLineDocument.class);
    mongo.save(new BatchViewDocument(event.batchId(), event.tenantId(), event.currency(), BatchStatus.GENERATED,
        event.generatedBy(), null, at, null, total, event.lines().size(), List.copyOf(creators), null));
  }

  @EventHandler
  void on(BatchApproved event, @Timestamp Instant at) {
    batch(event.batchId(), Update.update("status", BatchStatus.APPROVED).set("approvedBy", event.approvedBy())
        .set("approvedAt", at));
  }

  /** A batch exported again (no line paid yet) shows its latest export. */
  @EventHandler
  void on(BatchExported event, @Timestamp Instant at) {
    batch(event.batchId(), Update.update("status", BatchStatus.EXPORTED).set("exportedAt", at));
  }

  @EventHandler
  void on(BatchCancelled event) {
    batch(event.batchId(), Update.update("status", BatchStatus.CANCELLED).set("closedAt", event.closedAt()));
  }

  /** A failed line paid later (a retry) keeps no failure reason. */
  @EventHandler
  void on(LinePaid event, @Timestamp Instant at) {
    line(event.lineId(), Update.update("status", LineStatus.PAID).set("confirmedAt", at).unset("failureReason"));
  }

  @EventHandler
  void on(LineFailed event, @Timestamp Instant at) {
    line(event.lineId(), Update.update("status", LineStatus.FAILED).set("confirmedAt", at)
        .set("failureReason", event.reason()));
  }

  @EventHandler
  void on(BatchClosed event) {
    batch(event.batchId(), Update.update("status", event.status()).set("closedAt", event.closedAt()));
  }

  /** The purge blanks every account shown; creator names, amounts, currency and statuses stay. */
  @EventHandler
  void on(BatchPurged event) {
    mongo.updateMulti(query(where("slot").in(BatchLineDocument.slots(event.batchId(), 0, event.lineCount()))),
        Update.update("account", BatchView.SHREDDED), BatchLineDocument.class);
    batch(event.batchId(), Update.update("purgedAt", event.purgedAt()));
  }

  private void batch(String batchId, Update update) {
    mongo.updateFirst(query(where("_id").is(batchId)), update, BatchViewDocument.class);
  }

  /** By line id alone (ids are unique across batches): a lookup by {@code _id}, never a scan of every batch's lines. */
  private void line(String lineId, Update update) {
    mongo.updateFirst(query(where("_id").is(lineId)), update, BatchLineDocument.class);
  }
}
