package dev.claraop.access.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The transactional outbox without transactions (the pattern identity-service uses, kept here since
 * services share no code): the event is pushed into the very document whose change it announces, in the
 * same single-document update, so the change and its event are stored together or not at all.
 * {@link OutboxRelay} publishes and then removes it.
 */
public final class EventOutbox {

  public static final String FIELD = "outbox";
  private static final EventCodec CODEC = new EventCodec();

  /**
   * Adds the events of one change to {@code update}, in order, to be applied to the changed grant's document. One {@code $push ... $each}: pushing to the same field
   * twice in one {@link Update} would keep only the last.
   */
  public static Update pushingAll(Update update, java.util.List<OutboxRecord> records) {
    update.push(FIELD).each(records.toArray());
    return update;
  }

  /** The outbox entry of {@code envelope}, for a document that is inserted with its first event in it. */
  public static OutboxRecord record(EventType<?> type, EventEnvelope envelope) {
    return new OutboxRecord(envelope.eventId().toString(), type.topic(), envelope.subjectId(), CODEC.write(envelope));
  }

  private EventOutbox() {}
}
