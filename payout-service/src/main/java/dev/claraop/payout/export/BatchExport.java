package dev.claraop.payout.export;

import dev.claraop.payout.batch.BatchCommands.RecordExport;
import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import dev.claraop.payout.batch.BatchEvents.BatchPurged;
import dev.claraop.payout.batch.BatchLine;
import dev.claraop.payout.batch.BatchNotFound;
import dev.claraop.payout.batch.BatchNote;
import dev.claraop.payout.batch.BatchRejected;
import dev.claraop.payout.batch.ExportFormat;
import dev.claraop.payout.profile.BankAccount;
import dev.claraop.payout.profile.BankSnapshots;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.InvalidRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Makes a batch's bank file: the one place bank details are decrypted (DESIGN §6.3). The snapshot is read from
 * the event store (the views never hold it), opened with the batch's data key, written as pain.001 or CSV, and the
 * export is recorded with {@code RecordExport}, which stores {@code BatchExported} and the PII-decryption event
 * together. The batch decides: if it refuses (not approved, a line already paid, a concurrent change), the file is
 * dropped and never leaves the service. A purged batch has nothing left to open: 409.
 */
@Component
class BatchExport {

  private final EventStore events;
  private final BankSnapshots snapshots;
  private final CommandGateway commands;
  private final Clock clock;
  private final Counter exported;

  BatchExport(EventStore events, BankSnapshots snapshots, CommandGateway commands, Clock clock, MeterRegistry meters) {
    this.events = events;
    this.snapshots = snapshots;
    this.commands = commands;
    this.clock = clock;
    this.exported = Counter.builder("claraop.payout.batches.exported")
        .description("Bank files made from payout batches (each one an audited decryption)").register(meters);
  }

  BankFile export(ClaraPrincipal admin, String batchId, ExportRequest request) {
    String purpose = purpose(request.purpose());
    ExportFormat format = format(request.format());
    BatchGenerated batch = generated(admin.tenantId(), batchId);
    List<BankAccount> accounts = snapshots.openAll(batchId,
        batch.lines().stream().map(line -> line.bank().sealedAccount()).toList()).orElseThrow(() -> purged(batchId));
    List<PaymentLine> lines = new ArrayList<>(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      BatchLine line = batch.lines().get(i);
      lines.add(new PaymentLine(line.lineId(), line.creatorId(), line.amount(), line.currency(), accounts.get(i)));
    }
    BankFile file = format == ExportFormat.PAIN_001
        ? Pain001File.of(batchId, admin.tenantId(), batch.currency(), lines, OffsetDateTime.now(clock))
        : CsvFile.of(batchId, lines);
    commands.sendAndWait(new RecordExport(batchId, admin.tenantId(), admin.userId(), purpose, format, file.sha256(),
        lines.size()), MetaData.with("requestId", String.valueOf(CorrelationIdFilter.current())));
    exported.increment();
    return file;
  }

  /** The batch as generated, read from the event store; another tenant's batch reads as unknown. */
  private BatchGenerated generated(String tenantId, String batchId) {
    BatchGenerated generated = null;
    var stream = events.readEvents(batchId);
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      if (event.getPayload() instanceof BatchGenerated g) generated = g;
      if (event.getPayload() instanceof BatchPurged) throw purged(batchId);
    }
    if (generated == null || !generated.tenantId().equals(tenantId)) throw new BatchNotFound("batch");
    return generated;
  }

  private static BatchRejected purged(String batchId) {
    return new BatchRejected(batchId, "its bank details were purged; no bank file can be made");
  }

  /** The purpose is audited and published, so like a note it must be short and free of bank details. */
  private static String purpose(String purpose) {
    if (purpose == null || purpose.isBlank()) throw new InvalidRequest("purpose", "is required: say why the bank details are decrypted");
    try {
      return new BatchNote(purpose).text();
    } catch (BatchNote.Refused refused) {
      throw new InvalidRequest("purpose", refused.getMessage());
    }
  }

  private static ExportFormat format(String format) {
    if (format == null || format.isBlank()) throw new InvalidRequest("format", "is required: PAIN_001 or CSV");
    try {
      return ExportFormat.valueOf(format);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequest("format", "must be PAIN_001 or CSV");
    }
  }
}
