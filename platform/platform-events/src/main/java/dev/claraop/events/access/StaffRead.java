package dev.claraop.events.access;

import java.time.Instant;
import java.util.List;

/**
 * {@code access.staff-read} v1: a staff member read a tenant's data under a support grant, and the service that
 * served the read says so. One event per request, published from that service's outbox before the response
 * leaves it, so no staff read goes unrecorded. Carries references and the request line, never the data read.
 *
 * @param staffId the staff member's Keycloak {@code sub}
 * @param approvedBy everyone whose approval the grant rests on (consenting ADMIN, reviewer, or both)
 * @param scopes the grant's scopes: what the read could have covered
 * @param method the HTTP method ({@code GET} or {@code HEAD}: a grant admits reads only)
 * @param resource the path read, without its query string (ids, never content)
 * @param status the HTTP status the service answered
 * @param basis the grant's complaint reference or legal basis, null when it names none
 */
public record StaffRead(
    String grantId, String staffId, String reason, String ticketId, List<String> approvedBy, List<String> scopes,
    String method, String resource, int status, String basis, Instant readAt) {}
