package dev.claraop.retention.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;

/**
 * The transactional outbox without transactions (a copy of identity-service's; support-access-service has a third):
 * a run record is inserted whole together with the events announcing it, in one single-document write, so the
 * record and its events are stored together or not at all. {@link OutboxRelay} publishes and then removes them.
 */
public final class EventOutbox {

  public static final String FIELD = "outbox";
  private static final EventCodec CODEC = new EventCodec();

  public static OutboxRecord record(EventType<?> type, EventEnvelope envelope) {
    return new OutboxRecord(envelope.eventId().toString(), type.topic(), envelope.subjectId(), CODEC.write(envelope));
  }

  private EventOutbox() {}
}
