package dev.claraop.retention.run;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.retention.PurgeRunCompleted;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.outbox.OutboxRecord;
import dev.claraop.retention.payout.PayoutPurges;
import dev.claraop.retention.payout.PurgeAnswer;
import dev.claraop.retention.schedule.DuePurge;
import dev.claraop.retention.schedule.DuePurges;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of {@code payout_retention_purge}: asks payout-service to purge every batch of the scope whose retention
 * ended when the run started, one by one. A purged batch leaves the due list; a failed one stays on it, with why, for
 * the next run. The run is recorded with one {@code retention.purge-run.completed} per tenant it touched, so each
 * tenant's audit chain holds its part (a run with nothing due: one event for its scope).
 */
@Component
public class PurgeDueBatches {

  private static final Logger log = LoggerFactory.getLogger(PurgeDueBatches.class);
  private final DuePurges duePurges;
  private final PayoutPurges payout;
  private final RetentionRuns runs;
  private final PurgeMetrics metrics;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();

  PurgeDueBatches(DuePurges duePurges, PayoutPurges payout, RetentionRuns runs, PurgeMetrics metrics, Clock clock) {
    this.duePurges = duePurges;
    this.payout = payout;
    this.runs = runs;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** @param actor who asked: the user of a manual run, the service itself for the daily job */
  public RetentionRun run(RetentionRun.Trigger trigger, RunScope scope, Actor actor) {
    String runId = UUID.randomUUID().toString();
    Instant startedAt = now();
    List<RetentionRun.BatchResult> results = new ArrayList<>();
    for (DuePurge due : duePurges.dueAt(startedAt, scope.tenantId())) {
      PurgeAnswer answer = payout.purge(due.batchId());
      if (answer.purged()) {
        duePurges.purged(due.batchId());
      } else {
        duePurges.failed(due.batchId(), answer.failure());
        log.warn("run {}: batch {} not purged, stays due: {}", runId, due.batchId(), answer.failure());
      }
      results.add(new RetentionRun.BatchResult(due.batchId(), due.tenantId(), answer.purged(), answer.failure()));
    }
    Instant finishedAt = now();
    LinkedHashSet<String> tenants = new LinkedHashSet<>();
    if (scope.tenantId() != null) tenants.add(scope.tenantId());
    results.forEach(r -> tenants.add(r.tenantId()));
    boolean succeeded = results.stream().allMatch(RetentionRun.BatchResult::purged);
    RetentionRun run = new RetentionRun(runId, trigger, scope.label(), scope.tenantId(), actor.id(), startedAt,
        finishedAt, List.copyOf(results), List.copyOf(tenants), succeeded, List.of());
    run = run.withOutbox(announcements(run, actor));
    runs.record(run);
    metrics.ran(run);
    log.info("payout purge run {} ({}, {}): {} due, {} purged, {} failed", runId, trigger, scope.label(), results.size(),
        results.stream().filter(RetentionRun.BatchResult::purged).count(),
        results.stream().filter(r -> !r.purged()).count());
    return run;
  }

  /** One event per tenant touched, each with only that tenant's batches; none touched: one for the scope. */
  private List<OutboxRecord> announcements(RetentionRun run, Actor actor) {
    Map<String, List<RetentionRun.BatchResult>> byTenant = new LinkedHashMap<>();
    run.batches().forEach(b -> byTenant.computeIfAbsent(b.tenantId(), t -> new ArrayList<>()).add(b));
    if (byTenant.isEmpty()) byTenant.put(run.scopeTenant(), List.of());
    List<OutboxRecord> records = new ArrayList<>();
    byTenant.forEach((tenant, batches) -> {
      PurgeRunCompleted data = new PurgeRunCompleted(run.id(), run.trigger().name(), run.scope(), run.startedAt(),
          run.finishedAt(), batches.stream().map(RetentionRun.BatchResult::batchId).toList(),
          batches.stream().filter(RetentionRun.BatchResult::purged).map(RetentionRun.BatchResult::batchId).toList(),
          batches.stream().filter(b -> !b.purged())
              .map(b -> new PurgeRunCompleted.Failure(b.batchId(), b.failure())).toList());
      EventEnvelope envelope = codec.envelope(EventTypes.RETENTION_PURGE_RUN_COMPLETED, UUID.randomUUID(),
          run.finishedAt(), tenant, actor, run.id(), CorrelationIdFilter.current(), null, data);
      records.add(EventOutbox.record(EventTypes.RETENTION_PURGE_RUN_COMPLETED, envelope));
    });
    return records;
  }

  // Milliseconds: what MongoDB keeps, so a run reads back as it was recorded.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
