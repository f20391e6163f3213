package dev.claraop.payout.batch;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.claraop.payout.batch.BatchCommands.ApproveBatch;
import dev.claraop.payout.batch.BatchCommands.CancelBatch;
import dev.claraop.payout.batch.BatchCommands.GenerateBatch;
import dev.claraop.payout.batch.BatchCommands.MarkLineFailed;
import dev.claraop.payout.batch.BatchCommands.MarkLinePaid;
import dev.claraop.payout.batch.BatchCommands.PurgeBatch;
import dev.claraop.payout.batch.BatchCommands.RecordExport;
import dev.claraop.payout.batch.BatchEvents.BankDetailsDecrypted;
import dev.claraop.payout.batch.BatchEvents.BatchApproved;
import dev.claraop.payout.batch.BatchEvents.BatchCancelled;
import dev.claraop.payout.batch.BatchEvents.BatchClosed;
import dev.claraop.payout.batch.BatchEvents.BatchExported;
import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import dev.claraop.payout.batch.BatchEvents.BatchPurged;
import dev.claraop.payout.batch.BatchEvents.LineFailed;
import dev.claraop.payout.batch.BatchEvents.LinePaid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A payout batch: its lifecycle, event-sourced. Command handlers decide; event handlers only assign.
 * <pre>
 * GENERATED --approve--> APPROVED --export--> EXPORTED --last line paid--> FULLY_PAID
 *     |                      |                   |  (re-export while no line is paid)
 *     +------- cancel -------+----- cancel ------+  (only while no line is paid)
 *                            v
 *                        CANCELLED
 * </pre>
 * Lines are paid or failed only once the batch is EXPORTED; a paid line is final, a failed one may be paid.
 * Two commands racing on one batch are serialised by Axon's per-aggregate lock in one JVM and by the event
 * store's unique (aggregate, sequence) index across JVMs: the loser is refused and stores nothing.
 */
@Aggregate
public class PayoutBatch {

  @AggregateIdentifier
  private String batchId;
  private String tenantId;
  private String generatedBy;
  private BatchStatus status;
  private Instant closedAt;
  private boolean purged;
  private final Map<String, BatchLine> lines = new LinkedHashMap<>();
  private final Map<String, LineStatus> lineStatus = new HashMap<>();

  protected PayoutBatch() {
    // for Axon's event sourcing
  }

  @CommandHandler
  public PayoutBatch(GenerateBatch command) {
    if (command.lines().isEmpty()) throw new BatchRejected(command.batchId(), "a batch needs at least one line");
    boolean mixed = command.lines().stream().anyMatch(line -> !line.currency().equals(command.currency()));
    if (mixed) throw new BatchRejected(command.batchId(), "every line must be in " + command.currency());
    long creators = command.lines().stream().map(BatchLine::creatorId).distinct().count();
    if (creators != command.lines().size()) throw new BatchRejected(command.batchId(), "one line per creator");
    if (command.lines().stream().anyMatch(line -> line.bank() == null)) {
      throw new BatchRejected(command.batchId(), "every line needs the creator's bank details");
    }
    apply(new BatchGenerated(command.batchId(), command.tenantId(), command.currency(), command.generatedBy(),
        command.lines()));
  }

  @CommandHandler
  void handle(ApproveBatch command) {
    ownedBy(command.tenantId());
    if (status != BatchStatus.GENERATED) throw rejected("only a generated batch can be approved; it is " + status);
    if (command.approvedBy().equals(generatedBy)) throw rejected("the generator cannot approve their own batch");
    // Four eyes on the money's destination too: nobody approves a payment to bank details they set (DESIGN §6.3).
    if (lines.values().stream().anyMatch(line -> command.approvedBy().equals(line.bank().detailsEditedBy()))) {
      throw rejected("the last editor of bank details this batch pays to cannot approve it");
    }
    apply(new BatchApproved(batchId, tenantId, command.approvedBy()));
  }

  @CommandHandler
  void handle(RecordExport command) {
    ownedBy(command.tenantId());
    if (purged) throw rejected("its bank details were purged; no bank file can be made");
    boolean reExport = status == BatchStatus.EXPORTED && noLinePaid();
    if (status != BatchStatus.APPROVED && !reExport) {
      throw rejected("only an approved batch, or an exported one with no line paid, can be exported; it is " + status);
    }
    if (command.lineCount() != lines.size()) throw rejected("the bank file must hold every line of the batch");
    apply(new BatchExported(batchId, tenantId, command.exportedBy(), command.purpose(), command.format(),
        command.fileSha256(), command.lineCount()));
    apply(new BankDetailsDecrypted(batchId, tenantId, command.exportedBy(), command.purpose(), command.format(),
        command.lineCount(), command.fileSha256()));
  }

  /** @return whether this call purged the batch; false when it already was (idempotent) */
  @CommandHandler
  boolean handle(PurgeBatch command) {
    if (purged) return false;
    if (!closed()) throw rejected("only a closed batch can be purged; it is " + status);
    Instant due = closedAt.plus(command.retainedFor());
    if (command.at().isBefore(due)) throw rejected("its bank details are kept until " + due);
    apply(new BatchPurged(batchId, tenantId, command.purgedBy(), command.at(), closedAt, lines.size()));
    return true;
  }

  @CommandHandler
  void handle(CancelBatch command) {
    ownedBy(command.tenantId());
    if (closed()) throw rejected("the batch is closed (" + status + ")");
    if (!noLinePaid()) throw rejected("a batch with a paid line cannot be cancelled");
    apply(new BatchCancelled(batchId, tenantId, command.cancelledBy(), command.reason().text(), command.at()));
  }

  /** @return the batch's status afterwards: FULLY_PAID when this was the last line unpaid */
  @CommandHandler
  BatchStatus handle(MarkLinePaid command) {
    ownedBy(command.tenantId());
    BatchLine line = line(command.lineId());
    if (status != BatchStatus.EXPORTED) throw rejected("lines are paid only once the batch is exported; it is " + status);
    if (lineStatus.get(line.lineId()) == LineStatus.PAID) throw rejected("line " + line.lineId() + " is already paid");
    apply(new LinePaid(batchId, tenantId, line.lineId(), line.creatorId(), line.amount(), line.currency(),
        command.paidBy()));
    if (lineStatus.values().stream().allMatch(LineStatus.PAID::equals)) {
      apply(new BatchClosed(batchId, tenantId, BatchStatus.FULLY_PAID, command.paidBy(), command.at(), lines.size(),
          lines.values().stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
    return status;
  }

  @CommandHandler
  void handle(MarkLineFailed command) {
    ownedBy(command.tenantId());
    BatchLine line = line(command.lineId());
    if (status != BatchStatus.EXPORTED) throw rejected("lines fail only once the batch is exported; it is " + status);
    if (lineStatus.get(line.lineId()) == LineStatus.PAID) throw rejected("line " + line.lineId() + " is already paid");
    apply(new LineFailed(batchId, tenantId, line.lineId(), line.creatorId(), line.amount(), line.currency(),
        command.failedBy(), command.reason().text()));
  }

  /** Another tenant's batch answers as an unknown one would. */
  private void ownedBy(String callerTenant) {
    if (!tenantId.equals(callerTenant)) throw new BatchNotFound("batch");
  }

  private BatchLine line(String lineId) {
    BatchLine line = lines.get(lineId);
    if (line == null) throw new BatchNotFound("line");
    return line;
  }

  private boolean closed() {
    return status == BatchStatus.FULLY_PAID || status == BatchStatus.CANCELLED;
  }

  private boolean noLinePaid() {
    return !lineStatus.containsValue(LineStatus.PAID);
  }

  private BatchRejected rejected(String reason) {
    return new BatchRejected(batchId, reason);
  }

  @EventSourcingHandler
  void on(BatchGenerated event) {
    batchId = event.batchId();
    tenantId = event.tenantId();
    generatedBy = event.generatedBy();
    status = BatchStatus.GENERATED;
    event.lines().forEach(line -> {
      lines.put(line.lineId(), line);
      lineStatus.put(line.lineId(), LineStatus.PENDING);
    });
  }

  @EventSourcingHandler
  void on(BatchApproved event) {
    status = BatchStatus.APPROVED;
  }

  @EventSourcingHandler
  void on(BatchExported event) {
    status = BatchStatus.EXPORTED;
  }

  @EventSourcingHandler
  void on(BatchCancelled event) {
    status = BatchStatus.CANCELLED;
    closedAt = event.closedAt();
  }

  @EventSourcingHandler
  void on(LinePaid event) {
    lineStatus.put(event.lineId(), LineStatus.PAID);
  }

  @EventSourcingHandler
  void on(LineFailed event) {
    lineStatus.put(event.lineId(), LineStatus.FAILED);
  }

  @EventSourcingHandler
  void on(BatchClosed event) {
    status = event.status();
    closedAt = event.closedAt();
  }

  @EventSourcingHandler
  void on(BatchPurged event) {
    purged = true;
  }

  BatchStatus status() {
    return status;
  }

  boolean purged() {
    return purged;
  }

  LineStatus lineStatus(String lineId) {
    return lineStatus.get(lineId);
  }
}
