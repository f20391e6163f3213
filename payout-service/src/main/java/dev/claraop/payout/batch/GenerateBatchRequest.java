package dev.claraop.payout.batch;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/batches}. */
public record GenerateBatchRequest(
    @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {}
