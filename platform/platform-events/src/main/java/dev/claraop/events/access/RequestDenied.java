package dev.claraop.events.access;

/** {@code access.request.denied} v1: a tenant ADMIN or a reviewer refused a pending request, and said why. */
public record RequestDenied(String grantId, String deniedBy, String reason) {}
