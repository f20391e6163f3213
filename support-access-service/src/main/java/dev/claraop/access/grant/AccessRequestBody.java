package dev.claraop.access.grant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/support-access/requests}. The upper bound of {@code durationMinutes} is
 * configuration ({@link GrantSettings#maxDuration()}), checked by {@link AccessRequests}.
 */
public record AccessRequestBody(
    @NotBlank(message = "is required") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "is not a tenant id")
    String tenantId,
    @NotNull(message = "is required: SUPPORT_TICKET, INCIDENT, SECURITY_INVESTIGATION or LEGAL") Reason reason,
    @NotBlank(message = "is required")
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "is 1 to 64 letters, digits, dots, dashes or underscores")
    String ticketId,
    @NotEmpty(message = "names at least one scope") @Size(max = 4, message = "names at most the four scopes")
    List<@NotNull(message = "must not be null") Scope> scopes,
    @NotBlank(message = "is required") @Size(min = 10, max = 500, message = "is 10 to 500 characters") String justification,
    @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer durationMinutes,
    @Size(max = 200, message = "must be at most 200 characters") String basis) {}
