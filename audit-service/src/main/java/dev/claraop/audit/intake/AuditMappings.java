package dev.claraop.audit.intake;

import dev.claraop.audit.entry.AuditEntry.Outcome;
import dev.claraop.audit.entry.AuditEntry.Resource;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.erasure.UserDataErased;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every event type's audit mapping. A test fails when an event type in platform-events has none. */
final class AuditMappings {

  static final List<AuditMapping<?>> ALL = List.of(
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_GENERATED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("currency", e.currency(), "lineCount", String.valueOf(e.lineCount()),
              "total", e.total().toPlainString()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_APPROVED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null, Map.of())),
      // The export decrypts bank details: its stated purpose is the entry's purpose, the file's hash a detail.
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_EXPORTED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, e.purpose(),
          Map.of("format", e.format(), "fileSha256", e.fileSha256(), "lineCount", String.valueOf(e.lineCount())))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_CANCELLED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("reason", e.reason(), "closedAt", e.closedAt().toString()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_LINE_PAID, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("lineId", e.lineId(), "creatorId", e.creatorId(), "amount", e.amount().toPlainString(),
              "currency", e.currency()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_LINE_FAILED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("lineId", e.lineId(), "creatorId", e.creatorId(), "amount", e.amount().toPlainString(),
              "currency", e.currency(), "reason", e.reason()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_CLOSED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("status", e.status(), "closedAt", e.closedAt().toString(), "lineCount", String.valueOf(e.lineCount()),
              "total", e.total().toPlainString()))),
      new AuditMapping<>(EventTypes.PAYOUT_BATCH_PURGED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, null,
          Map.of("purgedAt", e.purgedAt().toString(), "closedAt", e.closedAt().toString(),
              "lineCount", String.valueOf(e.lineCount())))),
      // The one read of bank details in plaintext: the stated purpose is the entry's purpose (DESIGN §4).
      new AuditMapping<>(EventTypes.PAYOUT_PII_DECRYPTED, e -> new AuditMapping.Kept(
          new Resource("payout-batch", e.batchId()), Outcome.SUCCEEDED, e.purpose(),
          Map.of("format", e.format(), "lineCount", String.valueOf(e.lineCount()), "fileSha256", e.fileSha256()))),
      // Field names only, never a value.
      new AuditMapping<>(EventTypes.PAYOUT_PROFILE_UPDATED, e -> new AuditMapping.Kept(
          new Resource("payout-profile", e.creatorId()), Outcome.SUCCEEDED, null,
          Map.of("changedFields", String.join(",", e.changedFields())))),
      new AuditMapping<>(EventTypes.PAYOUT_CAMPAIGN_CREATED, e -> new AuditMapping.Kept(
          new Resource("campaign", e.campaignId()), Outcome.SUCCEEDED, null, Map.of("name", e.name(), "brand", e.brand()))),
      new AuditMapping<>(EventTypes.PAYOUT_INVOICE_SUBMITTED, e -> new AuditMapping.Kept(
          new Resource("invoice", e.invoiceId()), Outcome.SUCCEEDED, null,
          Map.of("creatorId", e.creatorId(), "campaignId", e.campaignId(), "amount", e.amount().toPlainString(),
              "currency", e.currency()))),
      new AuditMapping<>(EventTypes.PAYOUT_INVOICE_APPROVED, e -> new AuditMapping.Kept(
          new Resource("invoice", e.invoiceId()), Outcome.SUCCEEDED, null, Map.of("creatorId", e.creatorId()))),
      new AuditMapping<>(EventTypes.PAYOUT_INVOICE_REJECTED, e -> new AuditMapping.Kept(
          new Resource("invoice", e.invoiceId()), Outcome.SUCCEEDED, null, Map.of("creatorId", e.creatorId()))),
      new AuditMapping<>(EventTypes.IDENTITY_POD_UPDATED, e -> new AuditMapping.Kept(
          new Resource("pod", e.podId()), Outcome.SUCCEEDED, null,
          Map.of("name", e.name(), "managerId", e.managerId(), "creators", String.valueOf(e.creatorIds().size())))),
      new AuditMapping<>(EventTypes.IDENTITY_TENANT_CREATED, e -> new AuditMapping.Kept(
          new Resource("tenant", e.tenantId()), Outcome.SUCCEEDED, null,
          Map.of("name", e.name(), "firstAdminId", e.firstAdminId()))),
      new AuditMapping<>(EventTypes.IDENTITY_USER_INVITED, e -> new AuditMapping.Kept(
          new Resource("user", e.userId()), Outcome.SUCCEEDED, null, Map.of("role", e.role(), "invitedBy", e.invitedBy()))),
      // A member the directory already held, announced once by identity-service (no one invited them through it).
      new AuditMapping<>(EventTypes.IDENTITY_MEMBER_SYNCED, e -> new AuditMapping.Kept(
          new Resource("user", e.userId()), Outcome.SUCCEEDED, null, Map.of("role", e.role()))),
      new AuditMapping<>(EventTypes.IDENTITY_DELEGATION_APPROVED, e -> new AuditMapping.Kept(
          new Resource("delegation", e.delegationId()), Outcome.SUCCEEDED, null, Map.of("userId", e.userId(),
              "role", e.role(), "expiresAt", e.expiresAt().toString(), "approvedBy", e.approvedBy()))),
      new AuditMapping<>(EventTypes.IDENTITY_DELEGATION_REVOKED, e -> new AuditMapping.Kept(
          new Resource("delegation", e.delegationId()), Outcome.SUCCEEDED, null,
          Map.of("userId", e.userId(), "revokedBy", e.revokedBy()))),
      new AuditMapping<>(EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED, e -> new AuditMapping.Kept(
          new Resource("account", e.userId()), Outcome.SUCCEEDED, null, Map.of("graceEndsAt", e.graceEndsAt().toString()))),
      new AuditMapping<>(EventTypes.IDENTITY_ACCOUNT_REACTIVATED, e -> new AuditMapping.Kept(
          new Resource("account", e.userId()), Outcome.SUCCEEDED, null, Map.of())),
      // Staff access: the request's justification is its purpose; the requester, approver or ender is the actor.
      new AuditMapping<>(EventTypes.ACCESS_REQUEST_SUBMITTED, e -> new AuditMapping.Kept(
          new Resource("support-grant", e.grantId()), Outcome.SUCCEEDED, e.justification(), withBasis(e.basis(),
              Map.of("requestedBy", e.requestedBy(), "reason", e.reason(), "ticketId", e.ticketId(),
                  "scopes", String.join(",", e.scopes()), "durationMinutes", String.valueOf(e.durationMinutes()),
                  "decideBy", e.decideBy().toString())))),
      new AuditMapping<>(EventTypes.ACCESS_REQUEST_APPROVED, e -> new AuditMapping.Kept(
          new Resource("support-grant", e.grantId()), Outcome.SUCCEEDED, null,
          Map.of("approvedBy", e.approvedBy(), "approval", e.approval()))),
      new AuditMapping<>(EventTypes.ACCESS_REQUEST_DENIED, e -> new AuditMapping.Kept(
          new Resource("support-grant", e.grantId()), Outcome.DENIED, null,
          Map.of("deniedBy", e.deniedBy(), "reason", e.reason()))),
      new AuditMapping<>(EventTypes.ACCESS_REQUEST_EXPIRED, e -> new AuditMapping.Kept(
          new Resource("support-grant", e.grantId()), Outcome.SUCCEEDED, null, Map.of("decideBy", e.decideBy().toString()))),
      new AuditMapping<>(EventTypes.ACCESS_GRANT_ACTIVATED, e -> new AuditMapping.Kept(
          new Resource("support-grant", e.grantId()), Outcome.SUCCEEDED, null,
          Map.of("requestedBy", e.requestedBy(), "approvedBy", String.join(",", e.approvedBy()), "reason", e.reason(),
              "ticketId", e.ticketId(), "scopes", String.join(",", e.scopes()), "expiresAt", e.expiresAt().toString()))),
      new AuditMapping<>(EventTypes.ACCESS_GRANT_ENDED, e -> new AuditMapping.Kept(
          new Resource("support-grant", e.grantId()), Outcome.SUCCEEDED, null,
          Map.of("ticketId", e.ticketId(), "cause", e.cause(), "previousStatus", e.previousStatus(),
              "endedBy", e.endedBy(), "endedAt", e.endedAt().toString()))),
      // A staff read under a grant: the grant's basis (complaint reference or legal basis) is the purpose; the
      // request line and the answer's status say what was read and whether it was served, never what it held.
      new AuditMapping<>(EventTypes.ACCESS_STAFF_READ, e -> new AuditMapping.Kept(
          new Resource("api-resource", e.resource()),
          e.status() < 400 ? Outcome.SUCCEEDED : e.status() == 403 || e.status() == 404 ? Outcome.DENIED : Outcome.FAILED,
          e.basis(), Map.of("reason", e.reason(), "ticketId", e.ticketId(), "approvedBy", String.join(",", e.approvedBy()),
              "scopes", String.join(",", e.scopes()), "method", e.method(), "status", String.valueOf(e.status()),
              "readAt", e.readAt().toString()))),
      // Inbox ingest: ids, the sender's domain and the names of the detection cues; never a subject or an address.
      new AuditMapping<>(EventTypes.INGEST_EMAIL_SCANNED, e -> new AuditMapping.Kept(
          new Resource("mailbox", e.mailboxId()), Outcome.SUCCEEDED, null,
          Map.of("messageId", e.messageId(), "threadId", e.threadId(),
              "senderDomain", String.valueOf(e.senderDomain()), "brandDeal", String.valueOf(e.brandDeal()),
              "cues", String.join(",", e.cues())))),
      new AuditMapping<>(EventTypes.INGEST_CAMPAIGN_DETECTED, e -> new AuditMapping.Kept(
          new Resource("mailbox", e.mailboxId()), Outcome.SUCCEEDED, null,
          Map.of("messageId", e.messageId(), "threadId", e.threadId(), "brandDomain", e.brandDomain(),
              "suggestedName", e.suggestedName(), "cues", String.join(",", e.cues())))),
      // A purge run, as far as it concerns the entry's tenant: counts, and the ids of batches still due after it
      // (each batch actually purged has its own payout.batch.purged entry).
      new AuditMapping<>(EventTypes.RETENTION_PURGE_RUN_COMPLETED, e -> new AuditMapping.Kept(
          new Resource("retention-run", e.runId()), e.failed().isEmpty() ? Outcome.SUCCEEDED : Outcome.FAILED, null,
          Map.of("trigger", e.trigger(), "scope", e.scope(), "startedAt", e.startedAt().toString(),
              "finishedAt", e.finishedAt().toString(), "due", String.valueOf(e.due().size()),
              "purged", String.valueOf(e.purged().size()), "failed", String.valueOf(e.failed().size()),
              "failedBatchIds", String.join(",", e.failed().stream().map(f -> f.batchId()).toList())))),
      // Account erasure: opaque ids and counts only, so the entries outlive the account without naming it.
      new AuditMapping<>(EventTypes.RETENTION_ERASURE_REQUESTED, e -> new AuditMapping.Kept(
          new Resource("account", e.userId()), Outcome.SUCCEEDED, null, Map.of("erasureId", e.erasureId(),
              "attempt", String.valueOf(e.attempt()), "services", String.join(",", e.services())))),
      new AuditMapping<>(EventTypes.RETENTION_ERASURE_CONFIRMED, e -> new AuditMapping.Kept(
          new Resource("account", e.userId()), Outcome.SUCCEEDED, null, Map.of("erasureId", e.erasureId(),
              "attempt", String.valueOf(e.attempt()), "services", String.join(",", e.services())))),
      userDataErased(EventTypes.IDENTITY_USER_DATA_ERASED), userDataErased(EventTypes.PAYOUT_USER_DATA_ERASED),
      userDataErased(EventTypes.INGEST_USER_DATA_ERASED), userDataErased(EventTypes.ACCESS_USER_DATA_ERASED),
      new AuditMapping<>(EventTypes.IDENTITY_ACCOUNT_DELETED, e -> new AuditMapping.Kept(
          new Resource("account", e.userId()), Outcome.SUCCEEDED, null, Map.of("erasureId", e.erasureId()))));

  private static AuditMapping<UserDataErased> userDataErased(EventType<UserDataErased> type) {
    return new AuditMapping<>(type, e -> {
      Map<String, String> details = new java.util.TreeMap<>();
      // "removed-<kind>": a dot would make a nested field of the MongoDB document the entry is stored in.
      e.removed().forEach((kind, count) -> details.put("removed-" + kind, String.valueOf(count)));
      details.put("erasureId", e.erasureId());
      details.put("service", e.service());
      return new AuditMapping.Kept(new Resource("account", e.userId()), Outcome.SUCCEEDED, null, Map.copyOf(details));
    });
  }

  /** The details, and the request's basis (complaint reference or legal basis) when it names one. */
  private static Map<String, String> withBasis(String basis, Map<String, String> details) {
    if (basis == null) return details;
    Map<String, String> all = new java.util.HashMap<>(details);
    all.put("basis", basis);
    return Map.copyOf(all);
  }

  static Optional<AuditMapping<?>> of(String typeName) {
    return ALL.stream().filter(m -> m.type().name().equals(typeName)).findFirst();
  }

  static Optional<AuditMapping<?>> of(EventType<?> type) {
    return of(type.name());
  }

  private AuditMappings() {}
}
