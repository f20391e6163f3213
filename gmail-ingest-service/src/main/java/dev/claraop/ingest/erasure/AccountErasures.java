package dev.claraop.ingest.erasure;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.ingest.connect.PendingConsents;
import dev.claraop.ingest.mailbox.Disconnection;
import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.ingest.mailbox.Mailboxes;
import dev.claraop.ingest.sync.ScannedMessages;
import dev.claraop.ingest.sync.SyncSchedule;
import dev.claraop.platform.outbox.ErasureConfirmations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases what this service holds of a user when retention asks (DESIGN §6.6): every mailbox the user connected is
 * disconnected as on {@code DELETE /api/inbox/{id}} (the grant revoked at Google, locally deleted even when Google
 * does not confirm: the tokens are ours to forget, and their data key is shredded), its scanned message metadata
 * deleted, and the consents the user left under way forgotten. Then {@code ingest.user-data.erased} confirms with
 * the counts. A second request (retention re-asking, or the same record redelivered) finds nothing left and
 * confirms again with zeros, or, for the very same event, not at all.
 */
@Component
class AccountErasures {

  private static final Logger log = LoggerFactory.getLogger(AccountErasures.class);
  private final EventCodec codec = new EventCodec();
  private final Mailboxes mailboxes;
  private final Disconnection disconnection;
  private final ScannedMessages messages;
  private final SyncSchedule syncs;
  private final PendingConsents consents;
  private final ErasureConfirmations confirmations;

  AccountErasures(Mailboxes mailboxes, Disconnection disconnection, ScannedMessages messages, SyncSchedule syncs,
      PendingConsents consents, ErasureConfirmations confirmations) {
    this.mailboxes = mailboxes;
    this.disconnection = disconnection;
    this.messages = messages;
    this.syncs = syncs;
    this.consents = consents;
    this.confirmations = confirmations;
  }

  @KafkaListener(id = "ingest-erasures", topics = Topics.RETENTION, containerFactory = ErasureConsumerConfiguration.FACTORY)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    if (!EventTypes.RETENTION_ERASURE_REQUESTED.name().equals(event.type())) return;
    ErasureRequested erasure = codec.data(event, EventTypes.RETENTION_ERASURE_REQUESTED);
    if (erasure.services() == null || !erasure.services().contains(ErasureServices.INGEST)) return;
    requireId(erasure.erasureId(), "erasureId");
    requireId(erasure.userId(), "userId");
    requireId(event.tenantId(), "tenantId");
    if (confirmations.answered(event)) return;

    Map<String, Integer> removed = erase(erasure.userId());
    confirmations.confirm(event, erasure, removed);
    log.info("erasure {} attempt {}: removed {}", erasure.erasureId(), erasure.attempt(), removed);
  }

  private Map<String, Integer> erase(String userId) {
    int mailboxCount = 0;
    int messageCount = 0;
    for (Mailbox mailbox : mailboxes.connectedBy(userId)) {
      // Messages first and the mailbox last: a crash in between leaves the mailbox, so the retry finds and finishes it.
      messageCount += syncs.retire(mailbox.id(), () -> {
        int removedMessages = messages.removeOf(mailbox.id());
        disconnection.disconnect(mailbox);
        return removedMessages;
      }).orElseThrow(() -> new MailboxBusy(mailbox.id()));
      mailboxCount++;
    }
    Map<String, Integer> removed = new LinkedHashMap<>();
    removed.put("mailboxes", mailboxCount);
    removed.put("messages", messageCount);
    removed.put("consents", consents.forget(userId));
    return removed;
  }

  /** A request naming no erasure, user or tenant cannot be answered: not retryable, so it goes to the DLT at once. */
  private static void requireId(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("erasure request without " + what);
  }

  /** A sync of the mailbox is running: the request is retried (with back-off) once the sync has let go of it. */
  static final class MailboxBusy extends RuntimeException {
    MailboxBusy(String mailboxId) {
      super("mailbox " + mailboxId + " is being synced; erasure retried", null, false, false);
    }
  }
}
