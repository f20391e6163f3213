package dev.claraop.payout;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.identity.MemberSynced;
import dev.claraop.events.identity.PodUpdated;
import dev.claraop.payout.tenancy.PodScope;
import dev.claraop.payout.tenancy.TenantMembers;
import dev.claraop.platform.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What identity-service announces on {@code identity.events}, published here as it would publish it, so that the
 * tests go through payout-service's real consumer rather than writing its collections.
 */
public record IdentityAnnouncements(KafkaTemplate<String, String> kafka, TenantMembers members, PodScope pods) {

  private static final EventCodec CODEC = new EventCodec();

  @SuppressWarnings("unchecked")
  public static IdentityAnnouncements from(org.springframework.context.ApplicationContext context) {
    return new IdentityAnnouncements(context.getBean(KafkaTemplate.class), context.getBean(TenantMembers.class),
        context.getBean(PodScope.class));
  }

  /** {@code userId} is a CREATOR of {@code tenant}; returns once payout-service knows it. */
  public void creator(String tenant, String userId) {
    send(envelope(EventTypes.IDENTITY_MEMBER_SYNCED, Instant.now(), tenant, userId, new MemberSynced(userId, "CREATOR")));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> members.has(tenant, userId, Role.CREATOR));
  }

  /** The pod now holds exactly {@code creators}; returns once payout-service's view of the manager says so. */
  public void pod(String tenant, String podId, String managerId, List<String> creators) {
    send(podUpdated(tenant, podId, managerId, creators, Instant.now()));
    Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> pods.creatorsManagedBy(tenant, managerId).equals(Set.copyOf(creators)));
  }

  public static EventEnvelope podUpdated(String tenant, String podId, String managerId, List<String> creators, Instant at) {
    return envelope(EventTypes.IDENTITY_POD_UPDATED, at, tenant, podId, new PodUpdated(podId, "Pod " + podId, managerId, creators));
  }

  public static <T extends Record> EventEnvelope envelope(EventType<T> type, Instant at, String tenant, String subject, T data) {
    return CODEC.envelope(type, UUID.randomUUID(), at, tenant, Actor.system("identity-service"), subject, null, null, data);
  }

  public void send(EventEnvelope event) {
    send(event.subjectId(), envelopeJson(event));
  }

  public static String envelopeJson(EventEnvelope event) {
    return CODEC.write(event);
  }

  public void send(String key, String value) {
    try {
      kafka.send(Topics.IDENTITY, key, value).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("not published to " + Topics.IDENTITY, e);
    }
  }
}
