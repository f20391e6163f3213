package dev.claraop.platform.security;

import java.util.Optional;

/** Where a grant's current state comes from: support-access-service in a running system. */
public interface GrantSource {

  /**
   * The grant as the caller whose token this is may see it; empty when it does not exist or is not theirs to see.
   *
   * @throws GrantCheckFailed when the answer could not be had (down, slow, malformed): the read is refused
   */
  Optional<SupportGrant> find(String grantId, String bearerToken);
}
