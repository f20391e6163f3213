package dev.claraop.access.grant;

import dev.claraop.access.sensitive.SensitiveContent;
import dev.claraop.access.sensitive.SensitiveContentRefused;
import dev.claraop.events.EventTypes;
import dev.claraop.events.access.GrantActivated;
import dev.claraop.events.access.RequestApproved;
import dev.claraop.events.access.RequestDenied;
import dev.claraop.events.access.RequestSubmitted;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.InvalidRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A support engineer's request, and the decisions on it: consent, escalation, denial. */
@Component
public class AccessRequests {

  private final GrantStore store;
  private final GrantSettings settings;
  private final SensitiveContent sensitive = new SensitiveContent();

  AccessRequests(GrantStore store, GrantSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  public GrantView submit(ClaraPrincipal engineer, AccessRequestBody body) {
    List<Scope> scopes = List.copyOf(new LinkedHashSet<>(body.scopes()));
    if (scopes.size() != body.scopes().size()) throw new InvalidRequest("scopes", "names a scope twice");
    long max = settings.maxDuration().toMinutes();
    if (body.durationMinutes() > max) throw new InvalidRequest("durationMinutes", "must be at most " + max);
    String basis = body.basis() == null || body.basis().isBlank() ? null : body.basis().strip();
    if (ApprovalRule.needsBasis(scopes) && basis == null) {
      throw new InvalidRequest("basis",
          "is required for EMAIL_CONTENT_READ: the tenant's complaint reference or the legal basis");
    }
    refuseSensitive("justification", body.justification());
    refuseSensitive("basis", basis);

    Instant now = store.now();
    String id = "g-" + UUID.randomUUID();
    Grant grant = new Grant(id, body.tenantId(), engineer.userId(), body.reason(), body.ticketId(), scopes,
        body.justification().strip(), basis, body.durationMinutes(), now, now.plus(settings.decisionWindow()),
        null, null, null, null, null, null, null, null, null, null, GrantStatus.PENDING, 0, List.of());
    Grant saved = store.insert(grant, Callers.actor(engineer, id), EventTypes.ACCESS_REQUEST_SUBMITTED,
        new RequestSubmitted(id, engineer.userId(), body.reason().name(), body.ticketId(), grant.scopeNames(),
            grant.justification(), basis, body.durationMinutes(), grant.decideBy()));
    return GrantView.of(saved, now);
  }

  /**
   * Records the caller's approval: tenant consent for a tenant ADMIN, escalation for a reviewer. The grant
   * becomes ACTIVE, for its requested duration from now, once {@link ApprovalRule} is satisfied.
   */
  public GrantView approve(ClaraPrincipal approver, String id) {
    Grant grant = pendingDecidableBy(approver, id);
    Approval approval = approver.has(Role.ADMIN) ? Approval.TENANT_CONSENT : Approval.REVIEWER_ESCALATION;
    if (grant.approvals().contains(approval)) {
      throw new GrantRefused(approval == Approval.TENANT_CONSENT
          ? "the tenant has already consented; the request waits for a reviewer"
          : "a reviewer has already approved; the request waits for the tenant's consent");
    }
    Set<Approval> given = EnumSet.of(approval);
    given.addAll(grant.approvals());

    GrantStore.Change change = store.change(grant, Callers.actor(approver, id))
        .set(approval == Approval.TENANT_CONSENT ? "consentBy" : "reviewedBy", approver.userId())
        .announce(EventTypes.ACCESS_REQUEST_APPROVED, new RequestApproved(id, approver.userId(), approval.name()));
    if (ApprovalRule.satisfied(grant.reason(), grant.scopes(), given)) {
      Instant expiresAt = change.at().plus(java.time.Duration.ofMinutes(grant.durationMinutes()));
      List<String> approvers = new java.util.ArrayList<>(grant.approvers());
      approvers.add(approver.userId());
      change.set("status", GrantStatus.ACTIVE).set("approvedBy", approver.userId())
          .set("approvedAt", change.at()).set("expiresAt", expiresAt)
          .announce(EventTypes.ACCESS_GRANT_ACTIVATED, new GrantActivated(id, grant.requestedBy(),
              List.copyOf(new LinkedHashSet<>(approvers)), grant.reason().name(), grant.ticketId(), grant.scopeNames(),
              change.at(), expiresAt));
    }
    return GrantView.of(change.apply(), change.at());
  }

  public GrantView deny(ClaraPrincipal decider, String id, DenyBody body) {
    Grant grant = pendingDecidableBy(decider, id);
    refuseSensitive("reason", body.reason());
    GrantStore.Change change = store.change(grant, Callers.actor(decider, id))
        .set("status", GrantStatus.DENIED).set("deniedBy", decider.userId()).set("denyReason", body.reason().strip())
        .announce(EventTypes.ACCESS_REQUEST_DENIED, new RequestDenied(id, decider.userId(), body.reason().strip()));
    return GrantView.of(change.apply(), change.at());
  }

  /** A request the caller may decide on: visible to them, not their own, and still undecided and in time. */
  private Grant pendingDecidableBy(ClaraPrincipal decider, String id) {
    Grant grant = Callers.visible(decider, store.get(id));
    if (grant.requestedBy().equals(decider.userId())) throw new OwnDecisionRefused();
    GrantStatus status = grant.statusAt(store.now());
    if (status != GrantStatus.PENDING) throw new GrantRefused("the request is " + status + ", not PENDING");
    return grant;
  }

  private void refuseSensitive(String field, String text) {
    sensitive.find(text).ifPresent(kind -> {
      throw new SensitiveContentRefused(field, kind);
    });
  }
}
