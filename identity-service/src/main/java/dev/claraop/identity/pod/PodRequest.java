package dev.claraop.identity.pod;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PUT /api/identity/pods/{podId}}: the whole pod, as it should be from now on. */
public record PodRequest(
    @NotBlank(message = "is required") @Size(max = 80, message = "is at most 80 characters") String name,
    @NotBlank(message = "is required") String managerId,
    @NotNull(message = "is required") @Size(max = 500, message = "holds at most 500 creators")
        List<@NotBlank(message = "must not be blank") String> creatorIds) {}
