package dev.claraop.retention.run;

import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of the payout PII purge: what was due when it started and what became of each batch. Stored together
 * with the events announcing it (its outbox), so a run is recorded and published, or neither.
 *
 * @param scopeTenant the tenant of a tenant-scoped run, null for a platform-wide one
 * @param requestedBy the user who asked for a manual run; {@code retention-service} for the daily job
 * @param tenants every tenant the run touched, and the scope's tenant: whose ADMINs see the run
 * @param succeeded no batch failed (a run with nothing due succeeded)
 */
@Document("retention_runs")
public record RetentionRun(@Id String id, Trigger trigger, String scope, String scopeTenant, String requestedBy,
    Instant startedAt, Instant finishedAt, List<BatchResult> batches, List<String> tenants, boolean succeeded,
    List<OutboxRecord> outbox) {

  public enum Trigger { SCHEDULED, MANUAL }

  RetentionRun withOutbox(List<OutboxRecord> events) {
    return new RetentionRun(id, trigger, scope, scopeTenant, requestedBy, startedAt, finishedAt, batches, tenants,
        succeeded, List.copyOf(events));
  }

  /** @param failure why the batch is still due; null when it was purged */
  public record BatchResult(String batchId, String tenantId, boolean purged, String failure) {}
}
