package dev.claraop.identity.delegation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Body of {@code POST /api/identity/delegations}: an existing user from outside the tenant, one role, an end. */
public record DelegationRequest(
    @NotBlank(message = "is required") String userId,
    @NotBlank(message = "is required") String role,
    @NotNull(message = "is required") Instant expiresAt) {}
