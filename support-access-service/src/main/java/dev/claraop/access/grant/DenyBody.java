package dev.claraop.access.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/support-access/requests/{id}/deny}: the requester is told why. */
public record DenyBody(
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String reason) {}
