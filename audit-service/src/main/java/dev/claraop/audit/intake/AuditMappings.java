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
