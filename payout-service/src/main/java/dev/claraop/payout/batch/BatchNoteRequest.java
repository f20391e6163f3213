package dev.claraop.payout.batch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/batches/{id}/cancel} and {@code .../lines/{lineId}/failed}. The shape is checked
 * here; {@link BatchNote} adds the rule that bank details stay out of it.
 */
public record BatchNoteRequest(
    @NotBlank(message = "is required")
    @Size(max = BatchNote.MAX_LENGTH, message = "must be at most " + BatchNote.MAX_LENGTH + " characters")
    String reason) {}
