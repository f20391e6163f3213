package dev.claraop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.DelegationApproved;
import dev.claraop.events.identity.DelegationRevoked;
import dev.claraop.events.identity.PodUpdated;
import dev.claraop.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one instance keeps of {@code identity.events}: revoked delegations, until their own expiry. */
class DelegationRevocationProjectionTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final EventCodec CODEC = new EventCodec();

  private final MovableClock clock = MovableClock.at(NOW);
  private final DelegationRevocationProjection revocations = new DelegationRevocationProjection(clock, Duration.ofDays(90));

  /** Caught up with a topic that has nothing to read (DelegationRevocationCatchUpTest covers the catching up). */
  @BeforeEach
  void caughtUp() {
    revocations.assigned(List.of(), Map.of(), Map.of());
  }

  @Test
  void a_revoked_delegation_is_revoked_and_no_other_one_is() {
    revocations.on(approved("d-1", NOW.plusSeconds(3600)));
    revocations.on(approved("d-2", NOW.plusSeconds(3600)));
    assertThat(revocations.revoked("d-1")).isFalse();

    revocations.on(revoked("d-1", NOW));

    assertThat(revocations.revoked("d-1")).isTrue();
    assertThat(revocations.revoked("d-2")).isFalse();
    assertThat(revocations.revoked("d-unknown")).isFalse();
    assertThat(revocations.size()).isEqualTo(1);
  }

  @Test
  void a_revocation_is_forgotten_once_the_delegation_itself_has_expired() {
    revocations.on(approved("d-1", NOW.plusSeconds(3600)));
    revocations.on(revoked("d-1", NOW));

    clock.set(NOW.plusSeconds(3599));
    assertThat(revocations.revoked("d-1")).isTrue();
    clock.set(NOW.plusSeconds(3600)); // from here the expiry check refuses the entry anyway
    assertThat(revocations.size()).isZero();
    assertThat(revocations.revoked("d-1")).isFalse();
  }

  @Test
  void a_revocation_whose_approval_was_never_read_is_kept_for_the_longest_a_delegation_lasts() {
    revocations.on(revoked("d-old", NOW));

    clock.set(NOW.plus(Duration.ofDays(90)).minusSeconds(1));
    assertThat(revocations.revoked("d-old")).isTrue();
    clock.set(NOW.plus(Duration.ofDays(90)));
    assertThat(revocations.size()).isZero();
  }

  @Test
  void a_redelivered_revocation_or_approval_changes_nothing() {
    String approval = approved("d-1", NOW.plusSeconds(3600));
    String revocation = revoked("d-1", NOW);
    revocations.on(approval);
    revocations.on(revocation);
    revocations.on(revocation);
    revocations.on(approval);

    assertThat(revocations.revoked("d-1")).isTrue();
    assertThat(revocations.size()).isEqualTo(1);
    clock.set(NOW.plusSeconds(3600));
    assertThat(revocations.revoked("d-1")).as("the redelivery kept the known expiry").isFalse();
  }

  @Test
  void other_identity_events_and_unreadable_records_are_passed_over() {
    revocations.on(event(EventTypes.IDENTITY_POD_UPDATED, "pod-1", NOW, new PodUpdated("pod-1", "Pod one", "m-1", List.of("c-1"))));
    revocations.on("not an event");
    revocations.on("{\"eventId\":\"" + UUID.randomUUID() + "\"}");
    revocations.on(revoked("d-1", NOW));

    assertThat(revocations.size()).isEqualTo(1);
    assertThat(revocations.revoked("d-1")).isTrue();
  }

  static String approved(String id, Instant expiresAt) {
    return event(EventTypes.IDENTITY_DELEGATION_APPROVED, id, NOW,
        new DelegationApproved(id, "operator-1", "ADMIN", expiresAt, "admin-1"));
  }

  static String revoked(String id, Instant at) {
    return event(EventTypes.IDENTITY_DELEGATION_REVOKED, id, at, new DelegationRevoked(id, "operator-1", "admin-1"));
  }

  /** As identity-service publishes them: subject = the delegation id, so one delegation's events share a partition. */
  static <T extends Record> String event(EventType<T> type, String subject, Instant at, T data) {
    return CODEC.write(CODEC.envelope(type, UUID.randomUUID(), at, "demo", Actor.user("admin-1"), subject,
        "corr-1", null, data));
   }
}
