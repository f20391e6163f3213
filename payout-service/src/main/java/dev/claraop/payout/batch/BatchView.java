package dev.claraop.payout.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A batch as the API shows it (DESIGN §8). Each line's {@code account} is masked ({@code ••••3000}); once the batch
 * is purged it reads {@value #SHREDDED}, never empty. {@code approvedBy} is set once approved, {@code closedAt} once
 * FULLY_PAID or CANCELLED, {@code purgedAt} once its bank details were crypto-shredded.
 *
 * <p>{@code lines} are given inline while the batch has at most {@value #INLINE_LINES} of them (as the reader sees it:
 * a MANAGER counts only their pods' lines); a larger batch leaves {@code lines} out, and every line is read page by
 * page at {@code linesHref} ({@code GET /api/batches/{id}/lines}), which is always given. {@code lineCount} and
 * {@code total} are the reader's lines too. {@code generatedAt} is when the view recorded the batch; it is null in the
 * answer to {@code POST /api/batches}, which is made before the view.
 */
public record BatchView(
    String id, String currency, BatchStatus status, String generatedBy, String approvedBy, Instant closedAt,
    BigDecimal total, @JsonInclude(JsonInclude.Include.NON_NULL) List<Line> lines, Instant purgedAt,
    Instant generatedAt, int lineCount, String linesHref) {

  /** What a line's account reads after the purge: an explicit state, not a blank that could pass for data. */
  public static final String SHREDDED = "SHREDDED";

  /** The most lines a batch view carries inline; beyond it they are read only through {@link #linesHref}. */
  public static final int INLINE_LINES = 1_000;

  public record Line(
      String id, String creatorId, String creatorName, BigDecimal amount, String currency, LineStatus status,
      String account) {}

  /** The view of a batch whose {@code lineCount} lines are {@code lines}, or too many to carry inline (null). */
  public static BatchView of(
      String id, String currency, BatchStatus status, String generatedBy, String approvedBy, Instant closedAt,
      BigDecimal total, int lineCount, List<Line> lines, Instant purgedAt, Instant generatedAt) {
    return new BatchView(id, currency, status, generatedBy, approvedBy, closedAt, total,
        lineCount <= INLINE_LINES ? lines : null, purgedAt, generatedAt, lineCount, linesHref(id));
  }

  public static String linesHref(String batchId) {
    return "/api/batches/" + batchId + "/lines";
  }
}
