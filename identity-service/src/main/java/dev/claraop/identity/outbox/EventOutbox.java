package dev.claraop.identity.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The transactional outbox without transactions: the event is pushed into the very document whose change
 * it announces, in the same single-document update, so the change and its event are stored together or
 * not at all. {@link OutboxRelay} publishes and then removes it.
 */
public final class EventOutbox {

  public static final String FIELD = "outbox";
  private static final EventCodec CODEC = new EventCodec();

  /** Adds {@code envelope} to {@code update}, to be applied to the document of the changed aggregate. */
  public static Update pushing(Update update, EventType<?> type, EventEnvelope envelope) {
    return update.push(FIELD, new OutboxRecord(envelope.eventId().toString(), type.topic(), envelope.subjectId(),
        CODEC.write(envelope)));
  }

  /** The outbox of a document inserted whole, holding {@code envelope}. */
  public static List<OutboxRecord> holding(EventType<?> type, EventEnvelope envelope) {
    return List.of(new OutboxRecord(envelope.eventId().toString(), type.topic(), envelope.subjectId(), CODEC.write(envelope)));
  }

  private EventOutbox() {}
}
