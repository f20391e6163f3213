package dev.claraop.retention.erasure;

import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.Page;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/retention/erasures?status&cursor&limit}: every account erasure, newest request first, for
 * PLATFORM_ADMIN only (erasures span tenants, and a tenant ADMIN does not watch their users' deletions); everyone
 * else 403. (The token converter grants PLATFORM_ADMIN only without a tenant claim.)
 */
@RestController
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class ErasureController {

  private static final String STATUSES = String.join(", ", Arrays.stream(Erasure.Status.values()).map(Enum::name).toList());
  private final Erasures erasures;

  ErasureController(Erasures erasures) {
    this.erasures = erasures;
  }

  @GetMapping("/api/retention/erasures")
  Page<ErasureView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > 100) throw new InvalidRequest("limit", "limit must be between 1 and 100");
    Erasure.Status wanted = status == null ? null : statusOf(status);
    Erasure after = cursor == null ? null : erasures.find(cursor)
        .orElseThrow(() -> new InvalidRequest("cursor", "unknown cursor"));
    List<Erasure> page = erasures.newestFirst(wanted, after, limit + 1);
    List<ErasureView> items = page.stream().limit(limit).map(ErasureView::of).toList();
    return new Page<>(items, page.size() > limit ? items.getLast().erasureId() : null);
  }

  private static Erasure.Status statusOf(String status) {
    return Arrays.stream(Erasure.Status.values()).filter(s -> s.name().equals(status)).findFirst()
        .orElseThrow(() -> new InvalidRequest("status", "status must be one of " + STATUSES));
  }
}
