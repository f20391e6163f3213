package dev.claraop.identity.account;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's account lifecycle: ACTIVE, or PENDING_DELETION until {@code graceEndsAt}, then ERASED (only the ids and
 * {@code erasedAt} left) once every service erased the user's data.
 */
@Document("accounts")
record Account(@Id String userId, String tenantId, String status, Instant requestedAt, Instant graceEndsAt,
    Instant erasedAt, List<OutboxRecord> outbox) {}
