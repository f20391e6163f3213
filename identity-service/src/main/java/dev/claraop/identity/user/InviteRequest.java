package dev.claraop.identity.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/identity/users}: who to invite into the caller's tenant, with which one role. */
public record InviteRequest(
    @NotBlank(message = "is required") @Size(max = 254, message = "is at most 254 characters")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is not an e-mail address") String email,
    @NotBlank(message = "is required") String role) {}
