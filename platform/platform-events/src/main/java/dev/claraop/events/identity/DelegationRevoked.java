package dev.claraop.events.identity;

/** {@code identity.delegation.revoked} v1: the delegation gives no access from now on. */
public record DelegationRevoked(String delegationId, String userId, String revokedBy) {}
