package dev.claraop.identity;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.CorrelationIdFilter;
import java.time.Instant;
import java.util.UUID;

/** A new identity event for the outbox, correlated with the request that caused it. */
public final class IdentityEvents {

  private static final EventCodec CODEC = new EventCodec();

  public static <T extends Record> EventEnvelope of(EventType<T> type, Instant at, String tenantId, Actor actor,
      String subjectId, T data) {
    return CODEC.envelope(type, UUID.randomUUID(), at, tenantId, actor, subjectId, CorrelationIdFilter.current(), null, data);
  }

  /** A new identity event that {@code cause} (a record this service consumed) led to: same correlation, caused by it. */
  public static <T extends Record> EventEnvelope following(EventEnvelope cause, EventType<T> type, Instant at,
      String tenantId, Actor actor, String subjectId, T data) {
    return CODEC.envelope(type, UUID.randomUUID(), at, tenantId, actor, subjectId, cause.correlationId(),
        cause.eventId().toString(), data);
  }

  public static Actor actor(ClaraPrincipal caller) {
    return Actor.user(caller.userId());
  }

  private IdentityEvents() {}
}
