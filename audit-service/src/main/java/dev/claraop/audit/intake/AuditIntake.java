package dev.claraop.audit.intake;

import dev.claraop.audit.entry.AuditEntries;
import dev.claraop.audit.entry.AuditEntry;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends one entry per event from every topic. Offsets are committed only after the entry is stored, so a
 * crash re-delivers, and the event id as entry id turns the re-delivery into a no-op.
 */
@Component
class AuditIntake {

  private final AuditEntries entries;
  private final EventCodec codec = new EventCodec();
  private final Clock clock;
  private final Counter appended;
  private final Counter duplicates;

  AuditIntake(AuditEntries entries, Clock clock, MeterRegistry meters) {
    this.entries = entries;
    this.clock = clock;
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
    AuditEntry entry = new AuditEntry(event.eventId().toString(), event.tenantId(), event.occurredAt(),
        clock.instant(), event.type(), event.type(), kept.resource(),
        new AuditEntry.Actor(event.actor().kind().name(), event.actor().id(), event.actor().grantId()),
        kept.outcome(), kept.purpose(), kept.details(), event.correlationId());
    if (entries.append(entry)) appended.increment();
    else duplicates.increment();
  }
}
