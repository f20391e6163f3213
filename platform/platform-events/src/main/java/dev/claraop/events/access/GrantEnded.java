package dev.claraop.events.access;

import java.time.Instant;

/**
 * {@code access.grant.ended} v1: a grant (or a request still pending) stopped: it reached its expiry, its
 * ticket closed, or a tenant ADMIN revoked it. From {@code endedAt} on it admits nothing.
 *
 * @param cause {@code EXPIRED}, {@code TICKET_CLOSED} or {@code REVOKED}
 * @param previousStatus {@code ACTIVE}, or {@code PENDING} for a request withdrawn by its ticket's closing
 * @param endedBy the user or staff member who ended it, or the service itself for an expiry
 */
public record GrantEnded(
    String grantId, String ticketId, String cause, String previousStatus, String endedBy, Instant endedAt) {}
