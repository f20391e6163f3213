package dev.claraop.payout.erasure;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one account erasure in payout-service, and the outbox its confirmations leave through. Ids and counts
 * only.
 *
 * @param id the erasure id retention-service gave it
 * @param removed what all its runs removed, by kind (a repeated run adds zeros)
 * @param requestEventIds the requests answered, so a redelivered one is answered once
 */
@Document("erasures")
record ErasureDocument(
    @Id String id, String tenantId, String userId, Map<String, Integer> removed, List<String> requestEventIds,
    int lastAttempt, Instant lastConfirmedAt, List<OutboxRecord> outbox) {}
