package dev.claraop.payout.tenancy.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.identity.PodUpdated;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows {@code identity.events}: who manages which creators (pods) and who belongs to which tenant with which
 * role, because neither is in the token (DESIGN §3). A pod's event is its whole membership and replaces what was
 * known; a member's event adds a role. Every write is idempotent: a redelivered event (same {@code eventId}) and
 * an older event of a pod that arrives after a newer one (two outbox relays racing) change nothing. Offsets are
 * committed after the write, so a crash redelivers and nothing is lost; an unreadable or invalid record goes to
 * {@code identity.events.DLT} (see {@link TenancyConsumerConfiguration}).
 */
@Component
class TenancyProjection {

  private static final Logger log = LoggerFactory.getLogger(TenancyProjection.class);
  private final EventCodec codec = new EventCodec();
  private final MongoTemplate mongo;
  private final Counter applied;

  TenancyProjection(MongoTemplate mongo, MeterRegistry meters) {
    this.mongo = mongo;
    this.applied = Counter.builder("claraop.payout.identity.events.applied")
        .description("identity.events records that changed payout-service's view of pods and members").register(meters);
  }

  @KafkaListener(id = "payout-tenancy", topics = Topics.IDENTITY)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    String tenant = event.tenantId();
    String type = event.type();
    if (EventTypes.IDENTITY_POD_UPDATED.name().equals(type)) {
      pod(event, codec.data(event, EventTypes.IDENTITY_POD_UPDATED));
    } else if (EventTypes.IDENTITY_USER_INVITED.name().equals(type)) {
      var invited = codec.data(event, EventTypes.IDENTITY_USER_INVITED);
      member(tenant, invited.userId(), invited.role());
    } else if (EventTypes.IDENTITY_MEMBER_SYNCED.name().equals(type)) {
      var synced = codec.data(event, EventTypes.IDENTITY_MEMBER_SYNCED);
      member(tenant, synced.userId(), synced.role());
    } else if (EventTypes.IDENTITY_TENANT_CREATED.name().equals(type)) {
      var created = codec.data(event, EventTypes.IDENTITY_TENANT_CREATED);
      member(created.tenantId(), created.firstAdminId(), "ADMIN");
    }
    // Delegations reach the services in the token itself (platform-security checks their expiry per request);
    // account events are retention's business.
  }

  /**
   * Replaces the pod, unless this document already reflects this event or a later one: the conditional upsert
   * then finds no document to update and its insert collides with the pod's id.
   */
  private void pod(EventEnvelope event, PodUpdated pod) {
    requireId(event.tenantId(), "tenantId");
    requireId(pod.podId(), "podId");
    requireId(pod.managerId(), "managerId");
    List<String> creators = List.copyOf(pod.creatorIds());
    String eventId = event.eventId().toString();
    var newer = query(where("_id").is(PodDocument.idOf(event.tenantId(), pod.podId()))
        .and("eventId").ne(eventId).and("occurredAt").lte(event.occurredAt()));
    Update replace = new Update().set("tenantId", event.tenantId()).set("podId", pod.podId())
        .set("managerId", pod.managerId()).set("creatorIds", creators).set("eventId", eventId)
        .set("occurredAt", event.occurredAt());
    try {
      mongo.upsert(newer, replace, PodDocument.class);
      applied.increment();
    } catch (DuplicateKeyException seenOrOlder) {
      log.debug("pod {} already reflects event {} or a later one", pod.podId(), eventId);
    }
  }

  /** Adding a role twice is adding it once. */
  private void member(String tenantId, String userId, String role) {
    requireId(tenantId, "tenantId");
    requireId(userId, "userId");
    requireId(role, "role");
    mongo.upsert(query(where("_id").is(MemberDocument.idOf(tenantId, userId))),
        new Update().set("tenantId", tenantId).set("userId", userId).addToSet("roles", role), MemberDocument.class);
    applied.increment();
  }

  /** A record that names no tenant, pod or user cannot be applied: not retryable, so it goes to the DLT at once. */
  private static void requireId(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("identity event without " + what);
  }
}
