package dev.claraop.identity.user;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A user invited into a tenant, by id; credentials and profile stay in Keycloak. */
@Document("members")
record Member(@Id String userId, String tenantId, String role, String invitedBy, Instant invitedAt,
    List<OutboxRecord> outbox) {}
