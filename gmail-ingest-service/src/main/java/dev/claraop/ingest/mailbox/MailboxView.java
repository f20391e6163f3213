package dev.claraop.ingest.mailbox;

import java.time.Instant;

/** A mailbox as the API shows it: never a token, not even a ciphertext. */
public record MailboxView(String id, MailboxStatus status, String connectedBy, Instant connectedAt, Instant lastSyncedAt,
    String lastSyncOutcome, Instant revokedAt) {

  static MailboxView of(Mailbox m) {
    return new MailboxView(m.id(), m.status(), m.connectedBy(), m.connectedAt(), m.lastSyncedAt(), m.lastSyncOutcome(),
        m.revokedAt());
  }
}
