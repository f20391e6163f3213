package dev.claraop.access.grant;

import dev.claraop.events.Actor;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.NotFound;

/** Who may see which grant, and how a caller appears in a grant's events. */
final class Callers {

  /**
   * Staff see the grants they asked for, reviewers every grant, a tenant ADMIN the grants on their tenant.
   * Anything else reads as absent (404), so grant ids cannot be probed.
   */
  static boolean sees(ClaraPrincipal caller, Grant grant) {
    if (caller.has(Role.SUPPORT_REVIEWER)) return true;
    if (caller.has(Role.ADMIN)) return grant.tenantId().equals(caller.tenantId());
    return caller.isStaff() && grant.requestedBy().equals(caller.userId());
  }

  static Grant visible(ClaraPrincipal caller, Grant grant) {
    if (!sees(caller, grant)) throw new NotFound("grant");
    return grant;
  }

  /** Staff act on a grant under its id; tenant users as themselves. */
  static Actor actor(ClaraPrincipal caller, String grantId) {
    return caller.isStaff() ? Actor.staff(caller.userId(), grantId) : Actor.user(caller.userId());
  }

  private Callers() {}
}
