package dev.claraop.ingest.mailbox;

/** CONNECTED: tokens held and synced. REVOKED: Google refused the grant (invalid_grant); nothing is retried. */
public enum MailboxStatus { CONNECTED, REVOKED }
