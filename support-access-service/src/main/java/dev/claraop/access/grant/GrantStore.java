package dev.claraop.access.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.outbox.OutboxRecord;
import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventType;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads grants and applies a change to one of them together with its events, in one single-document update
 * that holds only if nobody changed the grant since it was read (its version).
 */
@Component
class GrantStore {

  private final MongoTemplate mongo;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();

  GrantStore(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  Grant get(String id) {
    return find(id).orElseThrow(() -> new NotFound("grant"));
  }

  Optional<Grant> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Grant.class));
  }

  List<Grant> find(Query query) {
    return mongo.find(query, Grant.class);
  }

  /** One change to a grant: the fields to set and the events that announce it. */
  final class Change {
    private final Grant grant;
    private final Actor actor;
    private final Update update = new Update();
    private final List<OutboxRecord> events = new ArrayList<>();
    private final Instant at;

    private Change(Grant grant, Actor actor, Instant at) {
      this.grant = grant;
      this.actor = actor;
      this.at = at;
    }

    Change set(String field, Object value) {
      update.set(field, value);
      return this;
    }

    <T extends Record> Change announce(EventType<T> type, T data) {
      events.add(EventOutbox.record(type, codec.envelope(type, UUID.randomUUID(), at, grant.tenantId(), actor,
          grant.id(), CorrelationIdFilter.current(), null, data)));
      return this;
    }

    Instant at() {
      return at;
    }

    /** Stores the change; a grant changed meanwhile by someone else is a 409 and nothing is stored. */
    Grant apply() {
      if (!events.isEmpty()) EventOutbox.pushingAll(update, events);
      update.inc("version", 1);
      Grant saved = mongo.findAndModify(query(where("_id").is(grant.id()).and("version").is(grant.version())), update,
          FindAndModifyOptions.options().returnNew(true), Grant.class);
      if (saved == null) throw new GrantRefused("the grant was changed by another request; reload and try again");
      return saved;
    }
  }

  Change change(Grant grant, Actor actor) {
    return new Change(grant, actor, now());
  }

  /** A new grant, inserted with its first event already in its outbox: stored together or not at all. */
  <T extends Record> Grant insert(Grant grant, Actor actor, EventType<T> type, T data) {
    var envelope = codec.envelope(type, UUID.randomUUID(), grant.requestedAt(), grant.tenantId(), actor, grant.id(),
        CorrelationIdFilter.current(), null, data);
    return mongo.insert(grant.withOutbox(List.of(EventOutbox.record(type, envelope))));
  }
}
