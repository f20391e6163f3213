package dev.claraop.payout.invoice;

public enum InvoiceStatus { SUBMITTED, APPROVED, REJECTED, PAID }
