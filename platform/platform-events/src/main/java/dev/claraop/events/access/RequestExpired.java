package dev.claraop.events.access;

import java.time.Instant;

/** {@code access.request.expired} v1: nobody decided on a request before {@code decideBy}; it can no longer be approved. */
public record RequestExpired(String grantId, Instant decideBy) {}
