package dev.claraop.access.grant;

import java.util.Collection;
import java.util.Set;

/**
 * Which approvals make a request a grant (DESIGN §6.7, seed 001 "Employee & engineer access"): one of tenant
 * consent or reviewed escalation, except that email content needs a reviewer, and tenant consent as well
 * unless the reason is LEGAL (a legal obligation may forbid telling the tenant).
 */
public final class ApprovalRule {

  public static boolean satisfied(Reason reason, Collection<Scope> scopes, Set<Approval> given) {
    if (scopes.contains(Scope.EMAIL_CONTENT_READ)) {
      return given.contains(Approval.REVIEWER_ESCALATION)
          && (reason == Reason.LEGAL || given.contains(Approval.TENANT_CONSENT));
    }
    return !given.isEmpty();
  }

  /** Email content is read only on a named basis: the tenant's complaint reference, or the legal basis. */
  public static boolean needsBasis(Collection<Scope> scopes) {
    return scopes.contains(Scope.EMAIL_CONTENT_READ);
  }

  private ApprovalRule() {}
}
