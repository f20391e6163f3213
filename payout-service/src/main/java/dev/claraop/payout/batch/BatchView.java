package dev.claraop.payout.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A batch as the API shows it (DESIGN §8). Each line's {@code account} is masked ({@code ••••3000}); once the batch
 * is purged it reads {@value #SHREDDED}, never empty. {@code approvedBy} is set once approved, {@code closedAt} once
 * FULLY_PAID or CANCELLED, {@code purgedAt} once its bank details were crypto-shredded.
 */
public record BatchView(
    String id, String currency, BatchStatus status, String generatedBy, String approvedBy, Instant closedAt,
    BigDecimal total, List<Line> lines, Instant purgedAt) {

  /** What a line's account reads after the purge: an explicit state, not a blank that could pass for data. */
  public static final String SHREDDED = "SHREDDED";

  public record Line(
      String id, String creatorId, String creatorName, BigDecimal amount, String currency, LineStatus status,
      String account) {}
}
