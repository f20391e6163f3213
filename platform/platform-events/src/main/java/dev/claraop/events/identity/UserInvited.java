package dev.claraop.events.identity;

/**
 * {@code identity.user.invited} v1: a user now exists in the tenant with exactly this role and must set a
 * password before the first login. No e-mail address: the id is enough for every consumer.
 */
public record UserInvited(String userId, String role, String invitedBy) {}
