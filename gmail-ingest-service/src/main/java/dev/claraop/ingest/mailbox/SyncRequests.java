package dev.claraop.ingest.mailbox;

/** Starts a sync of one mailbox in the background (implemented by the sync feature). */
public interface SyncRequests {
  void request(String mailboxId);
}
