package dev.claraop.events.payout;

/**
 * {@code payout.invoice.rejected} v1: an ADMIN, or the MANAGER of the creator's pod, rejected the invoice. The reason
 * stays on the invoice, readable in the tenant; free text may name people, so it is not published.
 */
public record InvoiceRejected(String invoiceId, String creatorId, String rejectedBy) {}
