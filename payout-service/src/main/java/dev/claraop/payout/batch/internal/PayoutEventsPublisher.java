package dev.claraop.payout.batch.internal;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.BankDetailsDecrypted;
import dev.claraop.events.payout.BatchApproved;
import dev.claraop.events.payout.BatchCancelled;
import dev.claraop.events.payout.BatchClosed;
import dev.claraop.events.payout.BatchExported;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.events.payout.BatchPurged;
import dev.claraop.events.payout.LineFailed;
import dev.claraop.events.payout.LinePaid;
import dev.claraop.payout.batch.BatchEvents;
import dev.claraop.payout.batch.BatchLine;
import dev.claraop.payout.eventstore.StorePublication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Publishes the event store to {@code payout.events}: the store is the outbox, so there is no dual write.
 * A tracking processor feeds this handler and only moves its token once Kafka has acknowledged the record;
 * a failed send propagates (see {@code EventStoreConfiguration}) and the processor retries the same event.
 * The record's event id is the stored event's id, so a retry after a crash repeats the id and consumers,
 * idempotent by event id, see it once. Each stored event is mapped field by field to its published
 * contract: summaries and references, never a bank detail.
 */
@Component
@ProcessingGroup(PayoutEventsPublisher.GROUP)
public class PayoutEventsPublisher {

  public static final String GROUP = "payout-events-publisher";
  private final StorePublication publication;
  private final EventCodec codec = new EventCodec();
  private final Counter linesPurged;

  PayoutEventsPublisher(StorePublication publication, MeterRegistry meters) {
    this.publication = publication;
    this.linesPurged = Counter.builder("claraop.payout.lines.purged")
        .description("Batch lines whose bank details were crypto-shredded by a purge").register(meters);
  }

  @EventHandler
  void on(BatchEvents.BatchGenerated event, EventMessage<?> message) throws Exception {
    BigDecimal total = event.lines().stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    publish(EventTypes.PAYOUT_BATCH_GENERATED, message, event.tenantId(), event.generatedBy(), event.batchId(),
        new BatchGenerated(event.batchId(), event.currency(), event.lines().size(), total, event.generatedBy()));
  }

  @EventHandler
  void on(BatchEvents.BatchApproved event, EventMessage<?> message) throws Exception {
    publish(EventTypes.PAYOUT_BATCH_APPROVED, message, event.tenantId(), event.approvedBy(), event.batchId(),
        new BatchApproved(event.batchId(), event.approvedBy()));
  }

  @EventHandler
  void on(BatchEvents.BatchExported event, EventMessage<?> message) throws Exception {
    publish(EventTypes.PAYOUT_BATCH_EXPORTED, message, event.tenantId(), event.exportedBy(), event.batchId(),
        new BatchExported(event.batchId(), event.exportedBy(), event.purpose(), event.format().name(),
            event.fileSha256(), event.lineCount()));
  }

  @EventHandler
  void on(BatchEvents.BatchCancelled event, EventMessage<?> message) throws Exception {
    publish(EventTypes.PAYOUT_BATCH_CANCELLED, message, event.tenantId(), event.cancelledBy(), event.batchId(),
        new BatchCancelled(event.batchId(), event.cancelledBy(), event.reason(), event.closedAt()));
  }

  @EventHandler
  void on(BatchEvents.LinePaid event, EventMessage<?> message) throws Exception {
    publish(EventTypes.PAYOUT_BATCH_LINE_PAID, message, event.tenantId(), event.paidBy(), event.batchId(),
        new LinePaid(event.batchId(), event.lineId(), event.creatorId(), event.amount(), event.currency(),
            event.paidBy()));
  }

  @EventHandler
  void on(BatchEvents.LineFailed event, EventMessage<?> message) throws Exception {
    publish(EventTypes.PAYOUT_BATCH_LINE_FAILED, message, event.tenantId(), event.failedBy(), event.batchId(),
        new LineFailed(event.batchId(), event.lineId(), event.creatorId(), event.amount(), event.currency(),
            event.failedBy(), event.reason()));
  }

  @EventHandler
  void on(BatchEvents.BatchClosed event, EventMessage<?> message) throws Exception {
    publish(EventTypes.PAYOUT_BATCH_CLOSED, message, event.tenantId(), event.closedBy(), event.batchId(),
        new BatchClosed(event.batchId(), event.status().name(), event.closedAt(), event.lineCount(), event.total()));
  }

  /** The one PII-decryption event per export: who read the bank details, why, and the file's hash. */
  @EventHandler
  void on(BatchEvents.BankDetailsDecrypted event, EventMessage<?> message) throws Exception {
    publish(EventTypes.PAYOUT_PII_DECRYPTED, message, event.tenantId(), event.decryptedBy(), event.batchId(),
        new BankDetailsDecrypted(event.batchId(), event.decryptedBy(), event.purpose(), event.format().name(),
            event.lineCount(), event.fileSha256()));
  }

  /** Purges are asked for by retention-service: a system actor, not a user. */
  @EventHandler
  void on(BatchEvents.BatchPurged event, EventMessage<?> message) throws Exception {
    // Counted once per purge: when Kafka acknowledged it, as the token moves past the event.
    publish(EventTypes.PAYOUT_BATCH_PURGED, message, event.tenantId(), Actor.system(event.purgedBy()), event.batchId(),
        new BatchPurged(event.batchId(), event.purgedBy(), event.purgedAt(), event.closedAt(), event.lineCount()),
        () -> linesPurged.increment(event.lineCount()));
  }

  private <T extends Record> void publish(
      EventType<T> type, EventMessage<?> message, String tenantId, String actor, String batchId, T data)
      throws Exception {
    publish(type, message, tenantId, Actor.user(actor), batchId, data, () -> {});
  }

  private <T extends Record> void publish(
      EventType<T> type, EventMessage<?> message, String tenantId, Actor actor, String batchId, T data,
      Runnable acknowledged) throws Exception {
    String envelope = codec.write(codec.envelope(type, UUID.fromString(message.getIdentifier()),
        message.getTimestamp(), tenantId, actor, batchId,
        (String) message.getMetaData().get("requestId"), (String) message.getMetaData().get("traceId"), data));
    publication.send(message, Topics.PAYOUT, batchId, envelope, acknowledged);
  }
}
