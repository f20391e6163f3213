package dev.claraop.payout.tenancy.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A pod as the last {@code identity.pod.updated} announced it: one manager and exactly these creators.
 *
 * @param id tenant and pod id together ({@code tenant/pod}), as identity-service keys pods
 * @param eventId the event this document reflects, with its {@code occurredAt}: a redelivered or older event
 *     changes nothing (see {@link TenancyProjection})
 */
@Document("pods")
public record PodDocument(
    @Id String id, String tenantId, String podId, String managerId, List<String> creatorIds, String eventId,
    Instant occurredAt) {

  public static String idOf(String tenantId, String podId) {
    return tenantId + "/" + podId;
  }
}
