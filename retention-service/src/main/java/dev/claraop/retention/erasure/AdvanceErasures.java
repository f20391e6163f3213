package dev.claraop.retention.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.retention.erasure.Erasure.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The job {@code retention_erasure_advance}: moves every erasure on whose time has come. A grace that ended asks all
 * four services to erase ({@code retention.erasure.requested}, attempt 1); services silent for
 * {@code confirm-timeout} are asked again, only they (attempt + 1); once all four confirmed, identity is told
 * ({@code retention.erasure.confirmed}), and told again each timeout until it announces the account deleted.
 *
 * <p>Each step is one conditional write on the erasure as it was read, carrying its event in the same write
 * (platform-outbox), so two instances never publish a step twice, even without the ShedLock lock.
 */
@Component
public class AdvanceErasures {

  static final String JOB = "retention_erasure_advance";
  private static final Logger log = LoggerFactory.getLogger(AdvanceErasures.class);
  private static final Actor RETENTION = Actor.system("retention-service");
  private final Erasures erasures;
  private final ErasureSettings settings;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();

  AdvanceErasures(Erasures erasures, ErasureSettings settings, Clock clock) {
    this.erasures = erasures;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${claraop.retention.erasure.poll-interval:PT1M}",
      initialDelayString = "${claraop.retention.erasure.poll-interval:PT1M}")
  @SchedulerLock(name = JOB, lockAtMostFor = "PT10M")
  public void advance() {
    // Milliseconds: what MongoDB keeps, so the stored times read back as they were written.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (Erasure erasure : erasures.toAdvance(now, now.minus(settings.confirmTimeout()))) {
      switch (erasure.nextStep(now, settings.confirmTimeout())) {
        case REQUEST -> request(erasure, now);
        case ASK_AGAIN -> askAgain(erasure, now);
        case CONFIRM, CONFIRM_AGAIN -> confirm(erasure, now);
        case NONE -> { }
      }
    }
  }

  private void request(Erasure erasure, Instant now) {
    Update start = new Update().set("status", Status.ERASING).set("startedAt", now).set("askedAt", now).inc("attempts", 1);
    EventOutbox.pushing(start, EventTypes.RETENTION_ERASURE_REQUESTED, requested(erasure, 1, ErasureServices.ALL, now));
    erasures.advance(erasure, null, start).ifPresent(started ->
        log.info("erasure {}: grace over, every service asked to erase the account", started.erasureId()));
  }

  private void askAgain(Erasure erasure, Instant now) {
    List<String> silent = erasure.pending();
    int attempt = erasure.attempts() + 1;
    Update again = new Update().set("askedAt", now).inc("attempts", 1);
    EventOutbox.pushing(again, EventTypes.RETENTION_ERASURE_REQUESTED, requested(erasure, attempt, silent, now));
    // Only if those services are still silent: one that answered meanwhile is not asked again.
    Criteria stillSilent = new Criteria().andOperator(silent.stream()
        .map(service -> where("services." + service).exists(false)).toArray(Criteria[]::new));
    erasures.advance(erasure, stillSilent, again).ifPresent(asked ->
        log.warn("erasure {}: {} did not confirm within {}, asked again (attempt {})", asked.erasureId(), silent,
            settings.confirmTimeout(), attempt));
  }

  private void confirm(Erasure erasure, Instant now) {
    int attempt = erasure.confirmAttempts() + 1;
    Update told = new Update().set("status", Status.CONFIRMED).set("askedAt", now).inc("confirmAttempts", 1);
    EventEnvelope confirmed = codec.envelope(EventTypes.RETENTION_ERASURE_CONFIRMED, UUID.randomUUID(), now,
        erasure.tenantId(), RETENTION, erasure.userId(), erasure.erasureId(), erasure.requestedBy(),
        new ErasureConfirmed(erasure.erasureId(), erasure.userId(), attempt, ErasureServices.ALL));
    EventOutbox.pushing(told, EventTypes.RETENTION_ERASURE_CONFIRMED, confirmed);
    Optional<Erasure> done = erasures.advance(erasure, null, told);
    done.ifPresent(e -> log.info("erasure {}: every service confirmed, identity told to delete the account (attempt {})",
        e.erasureId(), attempt));
  }

  /** Correlated by the erasure id, caused by the user's deletion request, keyed by the user (its subject). */
  private EventEnvelope requested(Erasure erasure, int attempt, List<String> services, Instant now) {
    return codec.envelope(EventTypes.RETENTION_ERASURE_REQUESTED, UUID.randomUUID(), now, erasure.tenantId(), RETENTION,
        erasure.userId(), erasure.erasureId(), erasure.requestedBy(),
        new ErasureRequested(erasure.erasureId(), erasure.userId(), attempt, List.copyOf(services)));
  }
}
