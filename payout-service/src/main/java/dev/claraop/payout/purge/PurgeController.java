package dev.claraop.payout.purge;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/batches/{id}/purge}, for retention-service only (service-to-service token, see
 * {@link RetentionServiceCaller}). Outside {@code /api}, so the gateway does not route it at all. 200 both times:
 * {@code purgedNow} tells a first purge from a repeated one.
 */
@RestController
class PurgeController {

  private final BatchPurge purge;
  private final RetentionServiceCaller caller;

  PurgeController(BatchPurge purge, RetentionServiceCaller caller) {
    this.purge = purge;
    this.caller = caller;
  }

  @PostMapping("/internal/batches/{id}/purge")
  @PreAuthorize("@retentionServiceCaller.test(authentication)")
  Map<String, Object> purge(@PathVariable String id) {
    return Map.of("batchId", id, "purged", true, "purgedNow", purge.purge(id, caller.clientId()));
  }
}
