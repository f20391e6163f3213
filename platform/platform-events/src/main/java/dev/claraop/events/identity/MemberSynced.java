package dev.claraop.events.identity;

/**
 * {@code identity.member.synced} v1: this user is in the tenant with this role, as the directory (Keycloak) held
 * them when identity-service announced the members it had not announced before (users made before it existed, or
 * outside it, such as the seeded demo users). Announced once per user; consumers treat it as {@code
 * identity.user.invited} without the invitation.
 */
public record MemberSynced(String userId, String role) {}
