package dev.claraop.events.payout;

/** {@code payout.invoice.approved} v1: an ADMIN, or the MANAGER of the creator's pod, approved the invoice for payment. */
public record InvoiceApproved(String invoiceId, String creatorId, String approvedBy) {}
