package dev.claraop.retention.run;

import dev.claraop.events.Actor;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.Page;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cron/run-payout-purge}: a tenant ADMIN purges their tenant's due batches now, a PLATFORM_ADMIN
 * every tenant's; {@code GET /api/retention/runs}: the runs, a tenant ADMIN's limited to those that touched their
 * tenant and to its batches. Everyone else: 403. (The token converter grants ADMIN only with a tenant claim and
 * PLATFORM_ADMIN only without one.)
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class RunController {

  private final PurgeDueBatches purge;
  private final RetentionRuns runs;

  RunController(PurgeDueBatches purge, RetentionRuns runs) {
    this.purge = purge;
    this.runs = runs;
  }

  @PostMapping("/api/cron/run-payout-purge")
  RunView runNow(ClaraPrincipal caller) {
    String tenant = visibleTenant(caller);
    RunScope scope = tenant == null ? RunScope.ALL : RunScope.tenant(tenant);
    return RunView.of(purge.run(RetentionRun.Trigger.MANUAL, scope, Actor.user(caller.userId())), tenant);
  }

  @GetMapping("/api/retention/runs")
  Page<RunView> list(ClaraPrincipal caller, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > 100) throw new InvalidRequest("limit", "limit must be between 1 and 100");
    String tenant = visibleTenant(caller);
    RetentionRun after = cursor == null ? null : runs.find(cursor)
        .filter(run -> tenant == null || run.tenants().contains(tenant))
        .orElseThrow(() -> new InvalidRequest("cursor", "unknown cursor"));
    List<RetentionRun> page = runs.newestFirst(tenant, after, limit + 1);
    List<RunView> items = page.stream().limit(limit).map(run -> RunView.of(run, tenant)).toList();
    return new Page<>(items, page.size() > limit ? items.getLast().id() : null);
  }

  /** The tenant a caller is limited to; null for a PLATFORM_ADMIN, who sees all. */
  private static String visibleTenant(ClaraPrincipal caller) {
    return caller.has(Role.PLATFORM_ADMIN) ? null : caller.tenantId();
  }
}
