package dev.claraop.identity.account;

import java.time.Instant;

/** @param graceEndsAt when a pending deletion can no longer be taken back; null for an active account */
public record AccountView(String status, Instant graceEndsAt) {}
