package dev.claraop.access.erasure;

import dev.claraop.access.grant.ErasedDecisions;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.platform.outbox.ErasureConfirmations;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases what this service holds of a user when retention asks (DESIGN §6.6). A tenant user appears here only as
 * the one who decided on (or revoked) a staff request, and staff as who asked; public form submissions are tied to
 * no account. The grants stay, for access transparency, with the user's id replaced ({@link ErasedDecisions}); then
 * {@code access.user-data.erased} confirms with the counts. A second request finds nothing left and confirms again
 * with zeros, or, for the very same event redelivered, not at all.
 */
@Component
class AccountErasures {

  private static final Logger log = LoggerFactory.getLogger(AccountErasures.class);
  private final EventCodec codec = new EventCodec();
  private final ErasedDecisions decisions;
  private final ErasureConfirmations confirmations;

  AccountErasures(ErasedDecisions decisions, ErasureConfirmations confirmations) {
    this.decisions = decisions;
    this.confirmations = confirmations;
  }

  @KafkaListener(id = "access-erasures", topics = Topics.RETENTION, containerFactory = ErasureConsumerConfiguration.FACTORY)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    if (!EventTypes.RETENTION_ERASURE_REQUESTED.name().equals(event.type())) return;
    ErasureRequested erasure = codec.data(event, EventTypes.RETENTION_ERASURE_REQUESTED);
    if (erasure.services() == null || !erasure.services().contains(ErasureServices.ACCESS)) return;
    requireId(erasure.erasureId(), "erasureId");
    requireId(erasure.userId(), "userId");
    requireId(event.tenantId(), "tenantId");
    if (ErasedDecisions.ERASED_USER.equals(erasure.userId())) {
      throw new IllegalArgumentException("erasure request names the erased-user marker");
    }
    if (confirmations.answered(event)) return;

    Map<String, Integer> removed = decisions.erase(erasure.userId());
    confirmations.confirm(event, erasure, removed);
    log.info("erasure {} attempt {}: removed {}", erasure.erasureId(), erasure.attempt(), removed);
  }

  /** A request naming no erasure, user or tenant cannot be answered: not retryable, so it goes to the DLT at once. */
  private static void requireId(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("erasure request without " + what);
  }
}
