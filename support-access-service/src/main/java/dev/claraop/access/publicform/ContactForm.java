package dev.claraop.access.publicform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/public/contact}: the least a reply needs, nothing more. */
public record ContactForm(
    @NotBlank(message = "is required") @Email(message = "must be an email address")
    @Size(max = 254, message = "must be at most 254 characters") String email,
    @NotNull(message = "is required: SALES or SUPPORT") Topic topic,
    @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String message) {

  public enum Topic { SALES, SUPPORT }
}
