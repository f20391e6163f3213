package dev.claraop.payout.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Evidence that the invoiced work was delivered: where the content is published (an https link to the post, the
 * video, the story archive) and when. Submitted with the invoice, so the reviewer decides with it in front of them;
 * like the invoice, never edited afterwards.
 */
public record ProofOfDelivery(
    @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
    @Pattern(regexp = "https://[^\\s]+", message = "must be an https link")
    String url,
    LocalDate deliveredOn) {}
