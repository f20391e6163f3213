package dev.claraop.identity.erasure;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * identity-service's part of one account erasure, kept so that a repeated request is answered with what the first
 * one removed (counts by kind, no values) and the confirmation leaves through the outbox with the record.
 */
@Document("erasures")
record Erasure(@Id String erasureId, String userId, String tenantId, Map<String, Integer> removed, Instant erasedAt,
    List<OutboxRecord> outbox) {}
