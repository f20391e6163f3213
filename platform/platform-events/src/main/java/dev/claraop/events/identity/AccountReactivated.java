package dev.claraop.events.identity;

/** {@code identity.account.reactivated} v1: the user cancelled their deletion request within the grace period. */
public record AccountReactivated(String userId) {}
