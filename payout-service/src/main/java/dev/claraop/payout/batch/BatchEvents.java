package dev.claraop.payout.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What happened to a {@link PayoutBatch}, as stored in the event store. Internal to payout-service: the
 * published contracts are in platform-events, and {@code PayoutEventsPublisher} maps one to the other.
 * Each event carries the tenant, so that readers of the store never look the batch up to place it.
 */
public final class BatchEvents {

  @Revision("1")
  public record BatchGenerated(
      String batchId, String tenantId, String currency, String generatedBy, List<BatchLine> lines) {}

  @Revision("1")
  public record BatchApproved(String batchId, String tenantId, String approvedBy) {}

  @Revision("1")
  public record BatchExported(
      String batchId, String tenantId, String exportedBy, String purpose, ExportFormat format, String fileSha256,
      int lineCount) {}

  @Revision("1")
  public record BatchCancelled(String batchId, String tenantId, String cancelledBy, String reason, Instant closedAt) {}

  @Revision("1")
  public record LinePaid(
      String batchId, String tenantId, String lineId, String creatorId, BigDecimal amount, String currency,
      String paidBy) {}

  @Revision("1")
  public record LineFailed(
      String batchId, String tenantId, String lineId, String creatorId, BigDecimal amount, String currency,
      String failedBy, String reason) {}

  /** Every line is paid. {@code closedBy} paid the last one. */
  @Revision("1")
  public record BatchClosed(
      String batchId, String tenantId, BatchStatus status, String closedBy, Instant closedAt, int lineCount,
      BigDecimal total) {}

  /**
   * The bank snapshot was decrypted to make the file of {@code BatchExported}: the audited act of reading P0
   * (DESIGN §4), stored with the export it served, one per export.
   */
  @Revision("1")
  public record BankDetailsDecrypted(
      String batchId, String tenantId, String decryptedBy, String purpose, ExportFormat format, int lineCount,
      String fileSha256) {}

  /** The bank snapshot's data key is to be shredded: from now on no account can be read from this batch. */
  @Revision("1")
  public record BatchPurged(
      String batchId, String tenantId, String purgedBy, Instant purgedAt, Instant closedAt, int lineCount) {}

  private BatchEvents() {}
}
