package dev.claraop.payout.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A batch as the API shows it (DESIGN §8). Account fields are masked; until payout profiles exist, absent.
 * {@code approvedBy} is set once approved, {@code closedAt} once FULLY_PAID or CANCELLED.
 */
public record BatchView(
    String id, String currency, BatchStatus status, String generatedBy, String approvedBy, Instant closedAt,
    BigDecimal total, List<Line> lines) {

  public record Line(
      String id, String creatorId, String creatorName, BigDecimal amount, String currency, LineStatus status,
      String account) {}
}
