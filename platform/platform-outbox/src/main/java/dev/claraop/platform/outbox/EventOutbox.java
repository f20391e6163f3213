package dev.claraop.platform.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.platform.web.TraceParent;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The transactional outbox without transactions (the Mongo stand-in has none): the event is written into the very
 * document whose change it announces, in the same single-document write, so the change and its event are stored
 * together or not at all. {@link OutboxRelay} publishes and then removes it.
 *
 * <p>A document carries its pending events in the array field {@value #FIELD}; its collection must be listed in
 * {@code claraop.outbox.collections} for the relay to find it.
 */
public final class EventOutbox {

  public static final String FIELD = "outbox";
  private static final EventCodec CODEC = new EventCodec();

  /**
   * The outbox entry of {@code envelope}, keyed by its subject so one subject's events stay in order, with the
   * current request's trace.
   */
  public static OutboxRecord record(EventType<?> type, EventEnvelope envelope) {
    return new OutboxRecord(envelope.eventId().toString(), type.topic(), envelope.subjectId(), CODEC.write(envelope),
        TraceParent.current());
  }

  /** The outbox of a document inserted whole, holding {@code envelope}. */
  public static List<OutboxRecord> holding(EventType<?> type, EventEnvelope envelope) {
    return List.of(record(type, envelope));
  }

  /** Adds {@code envelope} to {@code update}, to be applied to the document of the changed aggregate. */
  public static Update pushing(Update update, EventType<?> type, EventEnvelope envelope) {
    return update.push(FIELD, record(type, envelope));
  }

  /**
   * Adds the events of one change to {@code update}, in order. One {@code $push ... $each}: pushing to the same
   * field twice in one {@link Update} would keep only the last.
   */
  public static Update pushingAll(Update update, List<OutboxRecord> records) {
    update.push(FIELD).each(records.toArray());
    return update;
  }

  private EventOutbox() {}
}
