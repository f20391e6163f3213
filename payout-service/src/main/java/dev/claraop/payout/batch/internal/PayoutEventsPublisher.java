package dev.claraop.payout.batch.internal;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import dev.claraop.payout.batch.BatchLine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the event store to {@code payout.events}: the store is the outbox, so there is no dual write.
 * A tracking processor feeds this handler and only moves its token once Kafka has acknowledged the record;
 * a failed send propagates (see {@code EventStoreConfiguration}) and the processor retries the same event.
 * The record's event id is the stored event's id, so a retry after a crash repeats the id and consumers,
 * idempotent by event id, see it once.
 */
@Component
@ProcessingGroup(PayoutEventsPublisher.GROUP)
public class PayoutEventsPublisher {

  public static final String GROUP = "payout-events-publisher";
  private final KafkaTemplate<String, String> kafka;
  private final EventCodec codec = new EventCodec();
  private final Counter published;

  PayoutEventsPublisher(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
    this.kafka = kafka;
    this.published = Counter.builder("claraop.payout.events.published")
        .description("Events published to payout.events and acknowledged by Kafka").register(meters);
  }

  @EventHandler
  void on(BatchGenerated event, EventMessage<?> message) throws Exception {
    BigDecimal total = event.lines().stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    publish(codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED, UUID.fromString(message.getIdentifier()),
        message.getTimestamp(), event.tenantId(), Actor.user(event.generatedBy()), event.batchId(),
        (String) message.getMetaData().get("requestId"), (String) message.getMetaData().get("traceId"),
        new dev.claraop.events.payout.BatchGenerated(event.batchId(), event.currency(), event.lines().size(), total,
            event.generatedBy())));
  }

  private void publish(EventEnvelope envelope) throws InterruptedException, ExecutionException, TimeoutException {
    kafka.send(Topics.PAYOUT, envelope.subjectId(), codec.write(envelope)).get(15, TimeUnit.SECONDS);
    published.increment();
  }
}
