package dev.claraop.events.erasure;

import java.util.List;

/**
 * {@code retention.erasure.confirmed} v1: every service confirmed it erased the user's data; identity-service
 * now deletes the Keycloak user and announces {@code identity.account.deleted}. Asked again while that
 * announcement has not come.
 */
public record ErasureConfirmed(String erasureId, String userId, int attempt, List<String> services) {}
