package dev.claraop.events.identity;

/**
 * {@code identity.account.deleted} v1: the last step of an erasure: every service erased the user's data and
 * identity-service deleted the user's Keycloak login. Only opaque ids: the account is gone.
 */
public record AccountDeleted(String userId, String erasureId) {}
