package dev.claraop.identity.pod;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A pod: one manager and the creators they manage, within one tenant. A manager sees only their pods'
 * creators; services learn the membership from {@code identity.pod.updated}.
 *
 * @param id tenant and pod id together, so that two tenants may use the same pod id without meeting
 */
@Document("pods")
public record Pod(
    @Id String id, String tenantId, String podId, String name, String managerId, List<String> creatorIds,
    Instant updatedAt, List<OutboxRecord> outbox) {

  static String idOf(String tenantId, String podId) {
    return tenantId + "/" + podId;
  }
}
