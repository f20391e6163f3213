package dev.claraop.access.publicform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/public/security-report}: who to answer, what it is about, and the steps to see it. */
public record SecurityReportForm(
    @NotBlank(message = "is required") @Email(message = "must be an email address")
    @Size(max = 254, message = "must be at most 254 characters") String email,
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String summary,
    @NotBlank(message = "is required") @Size(max = 5000, message = "must be at most 5000 characters") String details) {}
