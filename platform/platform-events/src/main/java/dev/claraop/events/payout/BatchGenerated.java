package dev.claraop.events.payout;

import java.math.BigDecimal;

/**
 * {@code payout.batch.generated} v1: a payout batch was generated. A summary only: lines, creators'
 * bank details and invoice contents stay inside payout-service.
 */
public record BatchGenerated(
    String batchId, String currency, int lineCount, BigDecimal total, String generatedBy) {}
