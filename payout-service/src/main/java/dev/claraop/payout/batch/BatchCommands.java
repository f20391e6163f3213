package dev.claraop.payout.batch;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a {@link PayoutBatch}. */
public final class BatchCommands {

  /** Generate a batch from invoices the caller has already reserved for it. */
  public record GenerateBatch(
      @TargetAggregateIdentifier String batchId, String tenantId, String currency, String generatedBy,
      List<BatchLine> lines) {
    public GenerateBatch {
      lines = List.copyOf(lines);
    }
  }

  private BatchCommands() {}
}
