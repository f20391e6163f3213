package dev.claraop.audit.intake;

import dev.claraop.audit.chain.AuditChain;
import dev.claraop.audit.entry.AuditEntry;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends one entry per event from every topic. Offsets are committed only after the entry is stored, so a
 * crash re-delivers, and the event id as entry id turns the re-delivery into a no-op.
 */
@Component
class AuditIntake {

  private static final Logger log = LoggerFactory.getLogger(AuditIntake.class);
  private final AuditChain chain;
  private final EventCodec codec = new EventCodec();
  private final Clock clock;
  private final Counter appended;
  private final Counter duplicates;
  private final Timer lag;

  AuditIntake(AuditChain chain, Clock clock, MeterRegistry meters) {
    this.chain = chain;
    this.clock = clock;
    this.lag = Timer.builder("claraop.audit.append.lag")
        .description("From the event's occurrence to its audit entry").publishPercentileHistogram().register(meters);
    this.appended = Counter.builder("claraop.audit.entries.appended")
        .description("Audit entries appended").register(meters);
    this.duplicates = Counter.builder("claraop.audit.duplicates.ignored")
        .description("Redelivered events that already had an entry").register(meters);
  }

  @KafkaListener(id = "audit-intake", topics = "#{T(dev.claraop.events.Topics).all()}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    AuditMapping<?> mapping = AuditMappings.of(event.type()).orElseThrow(() -> new UnmappedEvent(event.type()));
    AuditMapping.Kept kept = mapping.apply(codec, event);
    // Milliseconds: what MongoDB keeps, so that an entry read back hashes as it did when appended.
    Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
    boolean added = chain.append(event.eventId().toString(), event.tenantId(), at -> new AuditEntry(
        event.eventId().toString(), at.chain(), at.sequence(), at.previousHash(), null, event.tenantId(), occurredAt,
        recordedAt, event.type(), event.type(), kept.resource(),
        new AuditEntry.Actor(event.actor().kind().name(), event.actor().id(), event.actor().grantId()),
        kept.outcome(), kept.purpose(), kept.details(), event.correlationId()));
    if (added) {
      // Ids and the action only: with the trace id of the record's traceparent, this line ends a request's trace.
      log.info("audit entry appended: {} {} event {} request {}", event.type(), kept.resource().type(),
          event.eventId(), event.correlationId());
      appended.increment();
      Duration sinceOccurred = Duration.between(occurredAt, recordedAt);
      lag.record(sinceOccurred.isNegative() ? Duration.ZERO : sinceOccurred); // producers' clocks may run ahead
    } else {
      duplicates.increment();
    }
  }
}
