package dev.claraop.retention.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.retention.erasure.Erasure.Confirmation;
import dev.claraop.retention.erasure.Erasure.Status;
import dev.claraop.retention.erasure.Erasure.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the job does next with an erasure, by its state and the clock. */
class ErasureTest {

  private static final Instant GRACE_ENDS = Instant.parse("2027-03-31T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofHours(1);

  @Test
  void a_scheduled_erasure_waits_for_the_end_of_its_grace() {
    Erasure scheduled = Erasure.scheduled("e-1", "demo", "u-1", GRACE_ENDS.minus(Duration.ofDays(30)), GRACE_ENDS);
    assertThat(scheduled.nextStep(GRACE_ENDS.minusMillis(1), TIMEOUT)).isEqualTo(Step.NONE);
    assertThat(scheduled.nextStep(GRACE_ENDS, TIMEOUT)).isEqualTo(Step.REQUEST);
  }

  @Test
  void silent_services_are_asked_again_only_after_the_whole_timeout() {
    Erasure erasing = erasing(GRACE_ENDS, "identity", "payout", "ingest");
    assertThat(erasing.pending()).containsExactly("access");
    assertThat(erasing.nextStep(GRACE_ENDS.plus(TIMEOUT).minusMillis(1), TIMEOUT)).isEqualTo(Step.NONE);
    assertThat(erasing.nextStep(GRACE_ENDS.plus(TIMEOUT), TIMEOUT)).isEqualTo(Step.ASK_AGAIN);
  }

  @Test
  void all_four_confirmed_is_confirmed_at_once_whatever_the_time() {
    Erasure erasing = erasing(GRACE_ENDS, "access", "ingest", "payout", "identity");
    assertThat(erasing.pending()).isEmpty();
    assertThat(erasing.nextStep(GRACE_ENDS, TIMEOUT)).isEqualTo(Step.CONFIRM);
    assertThat(erasing.nextStep(GRACE_ENDS.plus(TIMEOUT), TIMEOUT)).isEqualTo(Step.CONFIRM);
  }

  @Test
  void identity_is_told_again_only_when_it_has_not_deleted_the_account_within_the_timeout() {
    Erasure confirmed = with(erasing(GRACE_ENDS, "access", "ingest", "payout", "identity"), Status.CONFIRMED);
    assertThat(confirmed.nextStep(GRACE_ENDS.plus(TIMEOUT).minusMillis(1), TIMEOUT)).isEqualTo(Step.NONE);
    assertThat(confirmed.nextStep(GRACE_ENDS.plus(TIMEOUT), TIMEOUT)).isEqualTo(Step.CONFIRM_AGAIN);
  }

  @Test
  void cancelled_and_erased_erasures_never_move_again() {
    Instant muchLater = GRACE_ENDS.plus(Duration.ofDays(400));
    assertThat(with(erasing(GRACE_ENDS), Status.CANCELLED).nextStep(muchLater, TIMEOUT)).isEqualTo(Step.NONE);
    assertThat(with(erasing(GRACE_ENDS), Status.ERASED).nextStep(muchLater, TIMEOUT)).isEqualTo(Step.NONE);
  }

  @Test
  void the_erasure_id_follows_from_the_deletion_request_so_a_redelivery_finds_the_same_erasure() {
    assertThat(Erasure.idOf("e-1")).isEqualTo(Erasure.idOf("e-1")).isNotEqualTo(Erasure.idOf("e-2"));
    assertThat(Erasure.scheduled("e-1", "demo", "u-1", GRACE_ENDS, GRACE_ENDS).erasureId()).isEqualTo(Erasure.idOf("e-1"));
  }

  @Test
  void an_erasure_names_its_tenant_user_and_grace_end() {
    assertThatThrownBy(() -> Erasure.scheduled("e-1", null, "u-1", GRACE_ENDS, GRACE_ENDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Erasure.scheduled("e-1", "demo", " ", GRACE_ENDS, GRACE_ENDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Erasure.scheduled("e-1", "demo", "u-1", GRACE_ENDS, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Erasure erasing(Instant askedAt, String... confirmed) {
    Map<String, Confirmation> services = new HashMap<>();
    for (String service : confirmed) services.put(service, new Confirmation(askedAt, Map.of("things", 1)));
    return new Erasure("er-1", "demo", "u-1", Status.ERASING, "e-1", GRACE_ENDS.minus(Duration.ofDays(30)), GRACE_ENDS,
        askedAt, askedAt, 1, 0, services, null, null, null, List.of());
  }

  private static Erasure with(Erasure e, Status status) {
    return new Erasure(e.erasureId(), e.tenantId(), e.userId(), status, e.requestedBy(), e.requestedAt(),
        e.graceEndsAt(), e.startedAt(), e.askedAt(), e.attempts(), e.confirmAttempts(), e.services(), e.cancelledBy(),
        e.cancelledAt(), e.erasedAt(), e.outbox());
  }
}
