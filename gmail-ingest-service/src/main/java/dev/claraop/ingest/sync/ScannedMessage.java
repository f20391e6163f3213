package dev.claraop.ingest.sync;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The metadata of one message, stored once ({@code _id} = mailbox and Gmail message id, so a second sync of the
 * same message inserts nothing). No body, no snippet: From, Subject, Date and labels only. The detection verdict
 * is kept with it, and its events wait in {@code outbox} until the relay has published them: they are inserted with
 * the document or not at all.
 */
@Document("scanned_messages")
record ScannedMessage(@Id String id, String tenantId, String mailboxId, String messageId, String threadId, String from,
    String senderDomain, String subject, Instant receivedAt, List<String> labelIds, Instant scannedAt,
    boolean brandDeal, int dealScore, List<String> dealCues, List<OutboxRecord> outbox) {}
