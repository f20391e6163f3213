package dev.claraop.payout.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/invoices/{id}/reject}: why, for the creator (bank details refused as in batch notes). */
public record RejectInvoiceRequest(
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String reason) {}
