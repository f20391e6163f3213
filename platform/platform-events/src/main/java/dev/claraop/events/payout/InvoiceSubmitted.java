package dev.claraop.events.payout;

import java.math.BigDecimal;

/**
 * {@code payout.invoice.submitted} v1: a creator submitted an invoice for a campaign. From here on nobody edits it;
 * it is approved or rejected, then paid through a batch.
 */
public record InvoiceSubmitted(String invoiceId, String creatorId, String campaignId, BigDecimal amount, String currency) {}
