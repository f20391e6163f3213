package dev.claraop.retention.erasure;

import dev.claraop.events.erasure.ErasureServices;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An erasure as the API shows it: opaque ids, times and counts only. {@code services} names all four services,
 * each with when it confirmed and what it removed, or nulls while it has not.
 *
 * @param attempts how many times the services were asked to erase
 */
public record ErasureView(String erasureId, String tenantId, String userId, Erasure.Status status, Instant requestedAt,
    Instant graceEndsAt, Instant startedAt, Instant askedAt, int attempts, int confirmAttempts,
    Map<String, ServiceView> services, Instant cancelledAt, Instant erasedAt) {

  public record ServiceView(Instant confirmedAt, Map<String, Integer> removed) {}

  static ErasureView of(Erasure erasure) {
    Map<String, ServiceView> services = new LinkedHashMap<>();
    for (String service : ErasureServices.ALL) {
      Erasure.Confirmation confirmation = erasure.services().get(service);
      services.put(service, confirmation == null ? new ServiceView(null, null)
          : new ServiceView(confirmation.confirmedAt(), confirmation.removed()));
    }
    return new ErasureView(erasure.erasureId(), erasure.tenantId(), erasure.userId(), erasure.status(),
        erasure.requestedAt(), erasure.graceEndsAt(), erasure.startedAt(), erasure.askedAt(), erasure.attempts(),
        erasure.confirmAttempts(), services, erasure.cancelledAt(), erasure.erasedAt());
  }
}
