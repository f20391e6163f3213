package dev.claraop.identity.tenant;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An agency. Its users live in Keycloak, marked with its id ({@code tenant_id}). */
@Document("tenants")
record Tenant(@Id String tenantId, String name, String firstAdminId, String createdBy, Instant createdAt,
    List<OutboxRecord> outbox) {}
