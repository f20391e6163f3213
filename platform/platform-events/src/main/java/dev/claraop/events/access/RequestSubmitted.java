package dev.claraop.events.access;

import java.time.Instant;
import java.util.List;

/**
 * {@code access.request.submitted} v1: a support engineer asked for time-boxed access to one tenant's data,
 * for a stated reason and ticket. Nothing is granted yet: it waits for tenant consent or a reviewer.
 *
 * @param basis the complaint reference or legal basis an {@code EMAIL_CONTENT_READ} request names; null when none
 * @param decideBy when the request expires if nobody has decided on it
 */
public record RequestSubmitted(
    String grantId, String requestedBy, String reason, String ticketId, List<String> scopes, String justification,
    String basis, int durationMinutes, Instant decideBy) {}
