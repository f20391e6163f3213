package dev.claraop.access.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.platform.outbox.EventOutbox;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@value #COLLECTION} collection: one document per erasure id, with the request event ids answered, what each
 * removed in total, and the confirmation ({@code access.user-data.erased}) waiting in its outbox. It holds no user id:
 * retention knows whose erasure it is, and this service keeps no trace of the user.
 */
@Component
class ErasureConfirmations {

  static final String COLLECTION = "erasures";
  private static final Actor ACCESS = Actor.system("access-service");
  private final EventCodec codec = new EventCodec();
  private final MongoTemplate mongo;
  private final Clock clock;

  ErasureConfirmations(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** Whether this very request (by event id) was answered already: a redelivery erases and confirms nothing more. */
  boolean answered(EventEnvelope request) {
    return mongo.exists(query(where("requests").is(request.eventId().toString())), COLLECTION);
  }

  /**
   * Records what {@code request} removed and confirms it, in one single-document write. A request answered meanwhile
   * (the same record redelivered to a racing consumer) finds no document to update, and its insert collides.
   */
  void confirm(EventEnvelope request, ErasureRequested erasure, Map<String, Integer> removed) {
    String eventId = request.eventId().toString();
    EventEnvelope erased = codec.envelope(EventTypes.ACCESS_USER_DATA_ERASED, UUID.randomUUID(), clock.instant(),
        request.tenantId(), ACCESS, erasure.userId(), request.correlationId(), eventId,
        new UserDataErased(erasure.erasureId(), erasure.userId(), ErasureServices.ACCESS, removed));
    Update update = new Update().set("tenantId", request.tenantId()).set("lastAttempt", erasure.attempt())
        .setOnInsert("firstErasedAt", clock.instant()).set("lastConfirmedAt", clock.instant())
        .addToSet("requests", eventId);
    removed.forEach((kind, count) -> update.inc("removed." + kind, count));
    try {
      mongo.upsert(query(where("_id").is(erasure.erasureId()).and("requests").ne(eventId)),
          EventOutbox.pushing(update, EventTypes.ACCESS_USER_DATA_ERASED, erased), COLLECTION);
    } catch (DuplicateKeyException alreadyAnswered) {
      // confirmed by the run that got there first
    }
  }
}
