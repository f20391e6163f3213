package dev.claraop.retention.schedule;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Schedules a batch's purge when it closes: {@code payout.batch.closed} (FULLY_PAID) or {@code payout.batch.cancelled},
 * both carrying {@code closedAt}. Every other payout event is none of retention's business. Offsets are committed
 * after the due purge is stored, so a crash re-delivers, and a re-delivery (same event id, same batch) changes nothing.
 */
@Component
class BatchClosings {

  private static final Logger log = LoggerFactory.getLogger(BatchClosings.class);
  private final EventCodec codec = new EventCodec();
  private final DuePurges duePurges;
  private final Clock clock;
  private final Counter scheduled;

  BatchClosings(DuePurges duePurges, Clock clock, MeterRegistry meters) {
    this.duePurges = duePurges;
    this.clock = clock;
    this.scheduled = Counter.builder("claraop.retention.purges.scheduled")
        .description("Closed payout batches whose purge was scheduled").register(meters);
  }

  @KafkaListener(id = "retention-batch-closings", topics = Topics.PAYOUT)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    String batchId;
    Instant closedAt;
    if (EventTypes.PAYOUT_BATCH_CLOSED.name().equals(event.type())) {
      var closed = codec.data(event, EventTypes.PAYOUT_BATCH_CLOSED);
      batchId = closed.batchId();
      closedAt = closed.closedAt();
    } else if (EventTypes.PAYOUT_BATCH_CANCELLED.name().equals(event.type())) {
      var cancelled = codec.data(event, EventTypes.PAYOUT_BATCH_CANCELLED);
      batchId = cancelled.batchId();
      closedAt = cancelled.closedAt();
    } else {
      return;
    }
    // A closing without tenant or closedAt cannot be scheduled: the constructor refuses it, and it goes to the DLT.
    DuePurge purge = new DuePurge(batchId, event.tenantId(), closedAt, DuePurge.Status.DUE, event.eventId().toString(),
        clock.instant(), 0, null, null);
    if (duePurges.schedule(purge)) {
      log.info("batch {} closed at {}: its purge is scheduled", batchId, closedAt);
      scheduled.increment();
    } else {
      log.debug("batch {} was scheduled before; event {} changes nothing", batchId, event.eventId());
    }
  }
}
