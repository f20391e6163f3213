package dev.claraop.events.retention;

import java.time.Instant;
import java.util.List;

/**
 * {@code retention.purge-run.completed} v1: a run of the payout PII purge ({@code payout_retention_purge}) ended.
 * One event per tenant the run touched, carrying only that tenant's batches, so each lands in its tenant's audit
 * chain; a run that found nothing due is one event for its scope (no tenant for a platform-wide run).
 * Batch ids and fixed reasons only: never a bank detail.
 *
 * @param trigger {@code SCHEDULED} (the daily job) or {@code MANUAL} ({@code POST /api/cron/run-payout-purge})
 * @param scope {@code ALL} or {@code tenant:<tenantId>}
 * @param due the batches that were due when the run started (purged and failed together)
 * @param purged the batches payout-service confirmed purged
 * @param failed the batches that stay due for the next run, each with why
 */
public record PurgeRunCompleted(
    String runId, String trigger, String scope, Instant startedAt, Instant finishedAt,
    List<String> due, List<String> purged, List<Failure> failed) {

  /** A batch the run could not purge; {@code reason} is one of retention-service's fixed sentences. */
  public record Failure(String batchId, String reason) {}
}
