package dev.claraop.access.grant;

/**
 * PENDING until approved (ACTIVE) or denied (DENIED), or until nobody decided in time (EXPIRED). ACTIVE until
 * its expiry (EXPIRED) or its ticket's closing or a revocation (ENDED). Only ACTIVE admits reads.
 */
public enum GrantStatus { PENDING, ACTIVE, DENIED, EXPIRED, ENDED }
