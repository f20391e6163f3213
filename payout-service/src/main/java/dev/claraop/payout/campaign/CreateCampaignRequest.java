package dev.claraop.payout.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/campaigns}: a campaign made by hand. */
public record CreateCampaignRequest(
    @NotBlank(message = "is required") @Size(max = 120, message = "must be at most 120 characters") String name,
    @NotBlank(message = "is required") @Size(max = 120, message = "must be at most 120 characters") String brand) {}
