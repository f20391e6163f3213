package dev.claraop.events.access;

import java.time.Instant;
import java.util.List;

/**
 * {@code access.grant.activated} v1: a request has every approval it needs; its requester may read the
 * tenant's data within {@code scopes} until {@code expiresAt} or until the ticket closes, whichever is first.
 *
 * @param approvedBy everyone whose approval the grant rests on (the consenting ADMIN, the reviewer, or both)
 */
public record GrantActivated(
    String grantId, String requestedBy, List<String> approvedBy, String reason, String ticketId, List<String> scopes,
    Instant activatedAt, Instant expiresAt) {}
