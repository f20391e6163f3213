package dev.claraop.payout.eventstore;

import dev.claraop.platform.web.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes records of stored events to Kafka for the publishing processor: each record is sent at once and
 * acknowledged before the processor's unit of work commits, so its token still moves past an event only once Kafka
 * holds it, but a batch of events waits for Kafka once, not once per event. Waiting per event (Kafka 4's producer
 * lingers 5 ms) left 10,000 profile events a minute behind, and a batch generated after them with them.
 */
@Component
public class StorePublication {

  private static final long ACK_SECONDS = 15;
  private final KafkaTemplate<String, String> kafka;
  private final Counter published;

  StorePublication(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
    this.kafka = kafka;
    this.published = Counter.builder("claraop.payout.events.published")
        .description("Events published to payout.events and acknowledged by Kafka").register(meters);
  }

  /** Sends {@code record} for the stored {@code message}, in the trace of the request that stored it. */
  public void send(EventMessage<?> message, String topic, String key, String record) throws Exception {
    send(message, topic, key, record, () -> {});
  }

  /** ... and runs {@code acknowledged} once Kafka acknowledged it (with the unit of work's commit). */
  public void send(EventMessage<?> message, String topic, String key, String record, Runnable acknowledged)
      throws Exception {
    CompletableFuture<?> sent = TraceParent.continuing((String) message.getMetaData().get(TraceParent.HEADER),
        "payout.events publish", () -> kafka.send(topic, key, record));
    if (CurrentUnitOfWork.isStarted()) {
      CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> awaitAcknowledgement(sent, acknowledged));
    } else {
      awaitAcknowledgement(sent, acknowledged);
    }
  }

  private void awaitAcknowledgement(CompletableFuture<?> sent, Runnable acknowledged) {
    try {
      sent.get(ACK_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Kafka acknowledged a payout.events record", e);
    } catch (ExecutionException | TimeoutException e) {
      // The unit of work rolls back: the processor keeps its token and sends the same events again.
      throw new IllegalStateException("Kafka did not acknowledge a payout.events record", e);
    }
    published.increment();
    acknowledged.run();
  }
}
