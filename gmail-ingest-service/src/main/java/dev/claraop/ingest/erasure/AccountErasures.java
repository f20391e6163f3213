package dev.claraop.ingest.erasure;

import dev.claraop.events.Actor;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.ingest.connect.PendingConsents;
import dev.claraop.ingest.mailbox.Disconnection;
import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.ingest.mailbox.Mailboxes;
import dev.claraop.ingest.sync.ScannedMessages;
import dev.claraop.ingest.sync.SyncSchedule;
import dev.claraop.platform.outbox.ErasureConfirmations;
import dev.claraop.platform.outbox.ErasureParticipant;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
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
class AccountErasures implements ErasureParticipant {

  private final Mailboxes mailboxes;
  private final Disconnection disconnection;
  private final ScannedMessages messages;
  private final SyncSchedule syncs;
  private final PendingConsents consents;
  private final ErasureConfirmations confirmations;

  AccountErasures(Mailboxes mailboxes, Disconnection disconnection, ScannedMessages messages, SyncSchedule syncs,
      PendingConsents consents, MongoTemplate mongo, Clock clock) {
    this.mailboxes = mailboxes;
    this.disconnection = disconnection;
    this.messages = messages;
    this.syncs = syncs;
    this.consents = consents;
    // Its answers, recorded and confirmed through the outbox under this service's name.
    this.confirmations = new ErasureConfirmations(mongo, clock, ErasureServices.INGEST,
        Actor.system("gmail-ingest-service"));
  }

  @Override
  public String service() {
    return ErasureServices.INGEST;
  }

  @Override
  public void erase(EventEnvelope event, ErasureRequested erasure) {
    confirmations.answer(event, erasure, this::erase);
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

  /** A sync of the mailbox is running: the request is retried (with back-off) once the sync has let go of it. */
  static final class MailboxBusy extends RuntimeException {
    MailboxBusy(String mailboxId) {
      super("mailbox " + mailboxId + " is being synced; erasure retried", null, false, false);
    }
  }
}
