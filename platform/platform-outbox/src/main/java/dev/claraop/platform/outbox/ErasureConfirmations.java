package dev.claraop.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.UserDataErased;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's answers to account erasure requests (DESIGN §6.6): the {@value #COLLECTION} collection, one document per
 * erasure id, with the request event ids answered, what each removed in total, and the confirmation
 * ({@code <service>.user-data.erased}) waiting in its outbox (list the collection in {@code claraop.outbox.collections}).
 * It holds no user id: retention knows whose erasure it is, and the service keeps no trace of the user.
 */
public final class ErasureConfirmations {

  public static final String COLLECTION = "erasures";
  private static final Logger log = LoggerFactory.getLogger(ErasureConfirmations.class);
  private final EventCodec codec = new EventCodec();
  private final MongoTemplate mongo;
  private final Clock clock;
  private final String service;
  private final Actor actor;
  private final EventType<UserDataErased> type;

  /**
   * @param service the service's name in {@link dev.claraop.events.erasure.ErasureServices}
   * @param actor the service as the actor of its confirmations
   */
  public ErasureConfirmations(MongoTemplate mongo, Clock clock, String service, Actor actor) {
    this.mongo = mongo;
    this.clock = clock;
    this.service = service;
    this.actor = actor;
    this.type = EventTypes.USER_DATA_ERASED.get(service);
    if (type == null) throw new IllegalArgumentException("no erasing service named " + service);
  }

  /**
   * Answers {@code request} once: one that names no erasure, user or tenant cannot be answered (not retryable, so it
   * goes to the DLT at once); the very request answered before is passed over; else the user's data is erased and
   * what went is confirmed.
   *
   * @param erasing erases the user's data (by user id) and says what went, kind by kind
   */
  public void answer(EventEnvelope request, ErasureRequested erasure, Function<String, Map<String, Integer>> erasing) {
    requireId(erasure.erasureId(), "erasureId");
    requireId(erasure.userId(), "userId");
    requireId(request.tenantId(), "tenantId");
    if (answered(request)) return;
    Map<String, Integer> removed = erasing.apply(erasure.userId());
    confirm(request, erasure, removed);
    log.info("erasure {} attempt {}: removed {}", erasure.erasureId(), erasure.attempt(), removed);
  }

  private static void requireId(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("erasure request without " + what);
  }

  /** Whether this very request (by event id) was answered already: a redelivery erases and confirms nothing more. */
  public boolean answered(EventEnvelope request) {
    return mongo.exists(query(where("requests").is(request.eventId().toString())), COLLECTION);
  }

  /**
   * Records what {@code request} removed and confirms it, in one single-document write. A request answered meanwhile
   * (the same record redelivered to a racing consumer) finds no document to update, and its insert collides.
   */
  public void confirm(EventEnvelope request, ErasureRequested erasure, Map<String, Integer> removed) {
    String eventId = request.eventId().toString();
    EventEnvelope erased = codec.envelope(type, UUID.randomUUID(), clock.instant(),
        request.tenantId(), actor, erasure.userId(), request.correlationId(), eventId,
        new UserDataErased(erasure.erasureId(), erasure.userId(), service, removed));
    Update update = new Update().set("tenantId", request.tenantId()).set("lastAttempt", erasure.attempt())
        .setOnInsert("firstErasedAt", clock.instant()).set("lastConfirmedAt", clock.instant())
        .addToSet("requests", eventId);
    removed.forEach((kind, count) -> update.inc("removed." + kind, count));
    try {
      mongo.upsert(query(where("_id").is(erasure.erasureId()).and("requests").ne(eventId)),
          EventOutbox.pushing(update, type, erased), COLLECTION);
    } catch (DuplicateKeyException alreadyAnswered) {
      // confirmed by the run that got there first
    }
  }
}
