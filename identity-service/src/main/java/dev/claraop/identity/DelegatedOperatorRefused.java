package dev.claraop.identity;

import dev.claraop.platform.security.ClaraPrincipal;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who belongs to a tenant is decided by the tenant's own members, never by a delegated operator, whatever
 * role the delegation carries: a delegated ADMIN who could invite users or approve delegations could give
 * themself lasting access and make the delegation's expiry meaningless. Their own account is likewise
 * managed as themself, in their own tenant, not under a delegation. Answers 403.
 */
public class DelegatedOperatorRefused extends AccessDeniedException {

  private DelegatedOperatorRefused(String what) {
    super("a delegated operator cannot " + what);
  }

  /** @throws DelegatedOperatorRefused when the caller acts under a delegation */
  public static void unlessMember(ClaraPrincipal caller, String what) {
    if (caller.isDelegated()) throw new DelegatedOperatorRefused(what);
  }
}
