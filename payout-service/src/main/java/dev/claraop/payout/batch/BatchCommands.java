package dev.claraop.payout.batch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What can be asked of a {@link PayoutBatch}. Every command after generation names the caller's tenant:
 * the batch answers a command from another tenant as if it did not exist.
 */
public final class BatchCommands {

  /** Generate a batch from invoices the caller has already reserved for it. */
  public record GenerateBatch(
      @TargetAggregateIdentifier String batchId, String tenantId, String currency, String generatedBy,
      List<BatchLine> lines) {
    public GenerateBatch {
      lines = List.copyOf(lines);
    }
  }

  /** Approve a generated batch for export; the approver must not be the one who generated it. */
  public record ApproveBatch(@TargetAggregateIdentifier String batchId, String tenantId, String approvedBy) {}

  /**
   * Record that a bank file was made from an approved batch (or made again). The file itself is built
   * elsewhere; the batch keeps who made it, why, and the file's hash.
   */
  public record RecordExport(
      @TargetAggregateIdentifier String batchId, String tenantId, String exportedBy, String purpose,
      ExportFormat format, String fileSha256, int lineCount) {
    public RecordExport {
      Objects.requireNonNull(format, "format");
      if (purpose == null || purpose.isBlank()) throw new IllegalArgumentException("an export states its purpose");
      if (fileSha256 == null || !fileSha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("fileSha256 is 64 lower-case hex digits");
      }
    }
  }

  /** Cancel a batch before any of it is paid; {@code at} becomes its closing time. */
  public record CancelBatch(
      @TargetAggregateIdentifier String batchId, String tenantId, String cancelledBy, BatchNote reason, Instant at) {
    public CancelBatch {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Record the bank's payment of one line; {@code at} closes the batch if it was the last line unpaid. */
  public record MarkLinePaid(
      @TargetAggregateIdentifier String batchId, String tenantId, String lineId, String paidBy, Instant at) {
    public MarkLinePaid {
      Objects.requireNonNull(at, "at");
    }
  }

  /** Record that the bank did not pay one line; it stays payable (a retry may succeed). */
  public record MarkLineFailed(
      @TargetAggregateIdentifier String batchId, String tenantId, String lineId, String failedBy, BatchNote reason) {
    public MarkLineFailed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Crypto-shred the batch's bank snapshot (retention-service, DESIGN §6.6): allowed once the batch has been closed
   * for {@code retainedFor}; repeating it changes nothing. The caller shreds the data key after the batch agrees.
   */
  public record PurgeBatch(
      @TargetAggregateIdentifier String batchId, String purgedBy, Instant at, java.time.Duration retainedFor) {
    public PurgeBatch {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(retainedFor, "retainedFor");
    }
  }

  private BatchCommands() {}
}
