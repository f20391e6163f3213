package dev.claraop.ingest.mailbox;

/** The mailbox's grant is gone (revoked at Google or disconnected): nothing more is asked of Google for it. */
public class MailboxRevoked extends RuntimeException {
  public MailboxRevoked(String mailboxId) {
    super("mailbox " + mailboxId + " is revoked", null, false, false);
  }
}
