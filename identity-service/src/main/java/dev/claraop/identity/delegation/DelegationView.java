package dev.claraop.identity.delegation;

import java.time.Instant;

/**
 * @param userId the operator; null once their account was erased (the delegation stays, revoked)
 * @param status ACTIVE, EXPIRED or REVOKED
 */
public record DelegationView(String id, String userId, String role, Instant expiresAt, String status,
    String approvedBy, Instant approvedAt, Instant revokedAt) {}
