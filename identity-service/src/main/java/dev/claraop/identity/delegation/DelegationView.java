package dev.claraop.identity.delegation;

import java.time.Instant;

/** @param status ACTIVE, EXPIRED or REVOKED */
public record DelegationView(String id, String userId, String role, Instant expiresAt, String status) {}
