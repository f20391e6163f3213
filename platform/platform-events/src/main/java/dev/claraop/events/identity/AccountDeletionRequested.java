package dev.claraop.events.identity;

import java.time.Instant;

/**
 * {@code identity.account.deletion-requested} v1: the user asked for their account to be deleted; unless
 * they reactivate it before {@code graceEndsAt}, retention erases it.
 */
public record AccountDeletionRequested(String userId, Instant graceEndsAt) {}
