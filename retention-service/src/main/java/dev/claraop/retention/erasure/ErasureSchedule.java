package dev.claraop.retention.erasure;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.identity.AccountDeleted;
import dev.claraop.events.identity.AccountDeletionRequested;
import dev.claraop.events.identity.AccountReactivated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the account lifecycle on {@code identity.events}: a deletion request opens an erasure for when its grace
 * ends, a reactivation within the grace cancels it, and {@code identity.account.deleted} closes it. Every other
 * identity event is none of retention's business. Idempotent: a redelivered request finds the erasure it opened
 * (its id derives from the event id), and a replayed reactivation cancels only a request made before it.
 */
@Component
class ErasureSchedule {

  private static final Logger log = LoggerFactory.getLogger(ErasureSchedule.class);
  private final EventCodec codec = new EventCodec();
  private final Erasures erasures;

  ErasureSchedule(Erasures erasures) {
    this.erasures = erasures;
  }

  @KafkaListener(id = "retention-erasures", topics = Topics.IDENTITY, containerFactory = ErasureConsumerConfiguration.FACTORY)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    String type = event.type();
    if (EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED.name().equals(type)) {
      requested(event, codec.data(event, EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED));
    } else if (EventTypes.IDENTITY_ACCOUNT_REACTIVATED.name().equals(type)) {
      reactivated(event, codec.data(event, EventTypes.IDENTITY_ACCOUNT_REACTIVATED));
    } else if (EventTypes.IDENTITY_ACCOUNT_DELETED.name().equals(type)) {
      deleted(event, codec.data(event, EventTypes.IDENTITY_ACCOUNT_DELETED));
    }
  }

  private void requested(EventEnvelope event, AccountDeletionRequested request) {
    // Without tenant, user or grace end the request cannot be scheduled: the constructor refuses it, off to the DLT.
    Erasure erasure = Erasure.scheduled(event.eventId().toString(), event.tenantId(), request.userId(),
        event.occurredAt(), request.graceEndsAt());
    if (erasures.find(erasure.erasureId()).isPresent()) {
      log.debug("deletion request {} opened erasure {} before; nothing changes", event.eventId(), erasure.erasureId());
      return;
    }
    var open = erasures.openOf(erasure.tenantId(), erasure.userId());
    if (open.isPresent()) {
      // identity accepts one pending request per account; another one while an erasure is open adds nothing.
      log.warn("deletion request {} ignored: erasure {} of that account is already {}", event.eventId(),
          open.get().erasureId(), open.get().status());
    } else if (erasures.schedule(erasure)) {
      log.info("erasure {} scheduled in tenant {} for the end of the grace, {}", erasure.erasureId(),
          erasure.tenantId(), erasure.graceEndsAt());
    }
  }

  private void reactivated(EventEnvelope event, AccountReactivated reactivation) {
    requireId(event.tenantId(), "tenantId");
    requireId(reactivation.userId(), "userId");
    erasures.cancel(event.tenantId(), reactivation.userId(), event.occurredAt(), event.eventId().toString())
        .ifPresentOrElse(
            cancelled -> log.info("erasure {} cancelled: the account was reactivated in its grace", cancelled.erasureId()),
            () -> erasures.openOf(event.tenantId(), reactivation.userId())
                .filter(open -> open.status() != Erasure.Status.SCHEDULED) // else: a later request, a replayed reactivation
                .ifPresent(started ->
                    // identity refuses reactivation after the grace; only out-of-order data gets here. Erasure goes on.
                    log.warn("reactivation {} ignored: erasure {} is already {}", event.eventId(), started.erasureId(),
                        started.status())));
  }

  private void deleted(EventEnvelope event, AccountDeleted deleted) {
    requireId(deleted.erasureId(), "erasureId");
    requireId(deleted.userId(), "userId");
    erasures.erased(deleted.erasureId(), deleted.userId(), event.occurredAt()).ifPresentOrElse(
        erased -> log.info("erasure {} finished: identity deleted the account", erased.erasureId()),
        () -> log.debug("account deletion {} changes nothing (erasure {} unknown or already finished)",
            event.eventId(), deleted.erasureId()));
  }

  private static void requireId(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("account event without " + what);
  }
}
