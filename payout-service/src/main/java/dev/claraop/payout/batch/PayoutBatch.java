package dev.claraop.payout.batch;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.claraop.payout.batch.BatchCommands.GenerateBatch;
import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A payout batch: its lifecycle, event-sourced. Command handlers decide; event handlers only assign. */
@Aggregate
public class PayoutBatch {

  @AggregateIdentifier
  private String batchId;
  private BatchStatus status;

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
    apply(new BatchGenerated(command.batchId(), command.tenantId(), command.currency(), command.generatedBy(),
        command.lines()));
  }

  @EventSourcingHandler
  void on(BatchGenerated event) {
    batchId = event.batchId();
    status = BatchStatus.GENERATED;
  }

  BatchStatus status() {
    return status;
  }
}
