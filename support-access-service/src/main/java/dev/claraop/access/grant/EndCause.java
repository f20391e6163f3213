package dev.claraop.access.grant;

/** Why a grant stopped admitting reads. */
public enum EndCause { EXPIRED, TICKET_CLOSED, REVOKED }
