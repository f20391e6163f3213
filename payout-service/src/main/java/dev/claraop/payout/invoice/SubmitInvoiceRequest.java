package dev.claraop.payout.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/invoices}: what a creator bills, for which campaign, with the proofs of delivery. Who bills
 * is the token's user.
 */
public record SubmitInvoiceRequest(
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String campaignId,
    @NotNull(message = "is required")
    @DecimalMin(value = "0.01", message = "must be at least 0.01")
    @DecimalMax(value = "1000000.00", message = "must be at most 1000000.00")
    @Digits(integer = 7, fraction = 2, message = "must have at most two decimals")
    BigDecimal amount,
    @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
    @Size(max = 10, message = "must hold at most 10 proofs") List<@Valid ProofOfDelivery> proofs) {

  public SubmitInvoiceRequest {
    proofs = proofs == null ? List.of() : proofs;
  }
}
