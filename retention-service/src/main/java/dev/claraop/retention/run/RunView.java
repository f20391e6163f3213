package dev.claraop.retention.run;

import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it (DESIGN §8): {@code due} every batch that was due, {@code purged} those payout-service
 * purged, {@code failed} those still due, with why. A tenant ADMIN sees only their own tenant's batches in it.
 */
public record RunView(String id, RetentionRun.Trigger trigger, String scope, Instant startedAt, Instant finishedAt,
    List<String> due, List<String> purged, List<Failed> failed) {

  public record Failed(String batchId, String reason) {}

  /** @param tenantId the tenant whose batches to show, or null for all */
  static RunView of(RetentionRun run, String tenantId) {
    List<RetentionRun.BatchResult> shown = run.batches().stream()
        .filter(b -> tenantId == null || tenantId.equals(b.tenantId())).toList();
    return new RunView(run.id(), run.trigger(), run.scope(), run.startedAt(), run.finishedAt(),
        shown.stream().map(RetentionRun.BatchResult::batchId).toList(),
        shown.stream().filter(RetentionRun.BatchResult::purged).map(RetentionRun.BatchResult::batchId).toList(),
        shown.stream().filter(b -> !b.purged()).map(b -> new Failed(b.batchId(), b.failure())).toList());
  }
}
