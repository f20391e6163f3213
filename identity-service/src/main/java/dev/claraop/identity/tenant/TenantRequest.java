package dev.claraop.identity.tenant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/identity/tenants}: the agency and the e-mail address of its first ADMIN. */
public record TenantRequest(
    @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
        message = "is 2 to 40 lower-case letters, digits and hyphens") String tenantId,
    @NotBlank(message = "is required") @Size(max = 120, message = "is at most 120 characters") String name,
    @NotBlank(message = "is required") @Size(max = 254, message = "is at most 254 characters")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is not an e-mail address") String adminEmail) {}
