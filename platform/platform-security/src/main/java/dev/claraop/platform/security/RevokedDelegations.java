package dev.claraop.platform.security;

/**
 * The delegations revoked since the tokens that carry them were issued (DESIGN §3, issue 3). Revocation takes
 * the entry out of Keycloak, but a token issued before keeps it until the token expires (up to 5 minutes); the
 * token → principal conversion asks this so that "revoked means no access" holds within seconds instead.
 * A service's bean (platform-outbox follows {@code identity.delegation.revoked}) replaces {@link #NONE}.
 */
@FunctionalInterface
public interface RevokedDelegations {

  /** Where nothing tells the service of revocations: only expiry ends a delegation. */
  RevokedDelegations NONE = delegationId -> false;

  /** @param delegationId the last field of a token's {@code delegations} entry ({@link Delegation#id()}) */
  boolean revoked(String delegationId);
}
