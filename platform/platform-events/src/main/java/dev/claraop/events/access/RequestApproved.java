package dev.claraop.events.access;

/**
 * {@code access.request.approved} v1: one approval of a pending request, by tenant consent (an ADMIN of the
 * tenant) or by reviewed escalation (a SUPPORT_REVIEWER other than the requester). Whether the grant is now
 * active is told by {@code access.grant.activated}: email content needs both approvals unless the reason is LEGAL.
 *
 * @param approval {@code TENANT_CONSENT} or {@code REVIEWER_ESCALATION}
 */
public record RequestApproved(String grantId, String approvedBy, String approval) {}
