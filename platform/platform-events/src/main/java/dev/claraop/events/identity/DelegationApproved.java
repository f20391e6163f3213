package dev.claraop.events.identity;

import java.time.Instant;

/**
 * {@code identity.delegation.approved} v1: a tenant ADMIN let a user from outside the tenant act in it
 * with one role until {@code expiresAt}; after that, or once revoked, the delegation gives no access.
 */
public record DelegationApproved(String delegationId, String userId, String role, Instant expiresAt, String approvedBy) {}
