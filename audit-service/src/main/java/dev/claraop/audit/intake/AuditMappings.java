package dev.claraop.audit.intake;

import dev.claraop.audit.entry.AuditEntry.Outcome;
import dev.claraop.audit.entry.AuditEntry.Resource;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every event type's audit mapping. A test fails when an event type in platform-events has none. */
final class AuditMappings {

  static final List<AuditMapping<?>> ALL = List.of(
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_GENERATED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("currency", e.currency(), "lineCount", String.valueOf(e.lineCount()),
              "total", e.total().toPlainString()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_APPROVED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null, Map.of())),
      // The export decrypts bank details: its stated purpose is the entry's purpose, the file's hash a detail.
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_EXPORTED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, e.purpose(),
          Map.of("format", e.format(), "fileSha256", e.fileSha256(), "lineCount", String.valueOf(e.lineCount())))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_CANCELLED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("reason", e.reason(), "closedAt", e.closedAt().toString()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_LINE_PAID, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("lineId", e.lineId(), "creatorId", e.creatorId(), "amount", e.amount().toPlainString(),
              "currency", e.currency()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_LINE_FAILED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("lineId", e.lineId(), "creatorId", e.creatorId(), "amount", e.amount().toPlainString(),
              "currency", e.currency(), "reason", e.reason()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_CLOSED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("status", e.status(), "closedAt", e.closedAt().toString(), "lineCount", String.valueOf(e.lineCount()),
              "total", e.total().toPlainString()))),
      new AuditMapping<>(EventTypes.IDENTITY_POD_UPDATED, e -> new AuditMapping.Kept(
          new Resource("pod", e.podId()), Outcome.SUCCEEDED, null,
          Map.of("name", e.name(), "managerId", e.managerId(), "creators", String.valueOf(e.creatorIds().size())))));

  static Optional<AuditMapping<?>> of(String typeName) {
    return ALL.stream().filter(m -> m.type().name().equals(typeName)).findFirst();
  }

  static Optional<AuditMapping<?>> of(EventType<?> type) {
    return of(type.name());
  }

  private AuditMappings() {}
}
