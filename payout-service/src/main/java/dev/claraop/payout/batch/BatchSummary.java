package dev.claraop.payout.batch;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One batch in {@code GET /api/batches}: what a list shows, without a single line. {@code total} and {@code lineCount}
 * are the reader's: an ADMIN's are the batch's, a MANAGER's those of the lines paying their pods' creators. The lines
 * themselves are paged at {@code linesHref}.
 */
public record BatchSummary(
    String id, String currency, BatchStatus status, String generatedBy, String approvedBy, Instant generatedAt,
    Instant closedAt, BigDecimal total, int lineCount, Instant purgedAt, String linesHref) {}
