package dev.claraop.retention.erasure;

import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.platform.outbox.OutboxRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One account erasure (DESIGN §6.6), from the user's deletion request to identity's {@code identity.account.deleted}.
 * Only opaque ids: what each service removed is a count by kind. Stored with the events announcing its steps (its
 * outbox), so a step and its event are written together or not at all.
 *
 * @param requestedBy the event id of the {@code identity.account.deletion-requested} that opened it
 * @param requestedAt when the user asked (that event's time)
 * @param startedAt when the grace had ended and the services were first asked to erase
 * @param askedAt when the services (or, once all confirmed, identity) were last asked
 * @param attempts how many times {@code retention.erasure.requested} was published
 * @param confirmAttempts how many times {@code retention.erasure.confirmed} was published
 * @param services the services that confirmed, by name ({@link ErasureServices})
 * @param cancelledBy the event id of the reactivation that cancelled it
 */
@Document("erasures")
public record Erasure(@Id String erasureId, String tenantId, String userId, Status status, String requestedBy,
    Instant requestedAt, Instant graceEndsAt, Instant startedAt, Instant askedAt, int attempts, int confirmAttempts,
    Map<String, Confirmation> services, String cancelledBy, Instant cancelledAt, Instant erasedAt,
    List<OutboxRecord> outbox) {

  /**
   * SCHEDULED (grace running) → ERASING (services asked) → CONFIRMED (all four erased; identity asked to delete the
   * login) → ERASED (identity deleted it). SCHEDULED → CANCELLED when the user reactivates within the grace.
   */
  public enum Status { SCHEDULED, CANCELLED, ERASING, CONFIRMED, ERASED }

  /** What the job does next with an erasure. */
  enum Step { NONE, REQUEST, ASK_AGAIN, CONFIRM, CONFIRM_AGAIN }

  /** A service's answer: when it erased and how many of each kind it removed (numbers only). */
  public record Confirmation(Instant confirmedAt, Map<String, Integer> removed) {

    public Confirmation {
      removed = removed == null ? Map.of() : Map.copyOf(removed);
    }
  }

  public Erasure {
    if (erasureId == null || erasureId.isBlank()) throw new IllegalArgumentException("an erasure without id");
    if (tenantId == null || tenantId.isBlank()) throw new IllegalArgumentException("an erasure without tenant");
    if (userId == null || userId.isBlank()) throw new IllegalArgumentException("an erasure without user");
    if (graceEndsAt == null) throw new IllegalArgumentException("an erasure without graceEndsAt");
    services = services == null ? Map.of() : Map.copyOf(services);
    outbox = outbox == null ? List.of() : List.copyOf(outbox);
  }

  /** A new erasure, waiting for the grace to end. */
  static Erasure scheduled(String requestEventId, String tenantId, String userId, Instant requestedAt,
      Instant graceEndsAt) {
    return new Erasure(idOf(requestEventId), tenantId, userId, Status.SCHEDULED, requestEventId, requestedAt,
        graceEndsAt, null, null, 0, 0, Map.of(), null, null, null, List.of());
  }

  /** Derived from the deletion request's event id, so a redelivered request finds the erasure it opened. */
  static String idOf(String requestEventId) {
    return UUID.nameUUIDFromBytes(("erasure/" + requestEventId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The services that have not confirmed yet, in {@link ErasureServices#ALL} order. */
  public List<String> pending() {
    return ErasureServices.ALL.stream().filter(service -> !services.containsKey(service)).toList();
  }

  Step nextStep(Instant now, Duration confirmTimeout) {
    return switch (status) {
      case SCHEDULED -> graceEndsAt.isAfter(now) ? Step.NONE : Step.REQUEST;
      case ERASING -> pending().isEmpty() ? Step.CONFIRM : unanswered(now, confirmTimeout) ? Step.ASK_AGAIN : Step.NONE;
      case CONFIRMED -> unanswered(now, confirmTimeout) ? Step.CONFIRM_AGAIN : Step.NONE;
      case CANCELLED, ERASED -> Step.NONE;
    };
  }

  /** The last ask has gone unanswered for the whole timeout. */
  private boolean unanswered(Instant now, Duration confirmTimeout) {
    return askedAt == null || !askedAt.plus(confirmTimeout).isAfter(now);
  }
}
