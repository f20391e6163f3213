package dev.claraop.events;

import dev.claraop.events.access.GrantActivated;
import dev.claraop.events.access.GrantEnded;
import dev.claraop.events.access.RequestApproved;
import dev.claraop.events.access.RequestDenied;
import dev.claraop.events.access.RequestExpired;
import dev.claraop.events.access.RequestSubmitted;
import dev.claraop.events.access.StaffRead;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.events.identity.AccountDeleted;
import dev.claraop.events.identity.AccountDeletionRequested;
import dev.claraop.events.identity.AccountReactivated;
import dev.claraop.events.identity.DelegationApproved;
import dev.claraop.events.identity.DelegationRevoked;
import dev.claraop.events.identity.MemberSynced;
import dev.claraop.events.identity.PodUpdated;
import dev.claraop.events.identity.TenantCreated;
import dev.claraop.events.identity.UserInvited;
import dev.claraop.events.ingest.CampaignDetected;
import dev.claraop.events.ingest.EmailScanned;
import dev.claraop.events.payout.BankDetailsDecrypted;
import dev.claraop.events.payout.BatchApproved;
import dev.claraop.events.payout.BatchCancelled;
import dev.claraop.events.payout.BatchClosed;
import dev.claraop.events.payout.BatchExported;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.events.payout.BatchPurged;
import dev.claraop.events.payout.CampaignCreated;
import dev.claraop.events.payout.InvoiceApproved;
import dev.claraop.events.payout.InvoiceRejected;
import dev.claraop.events.payout.InvoiceSubmitted;
import dev.claraop.events.payout.LineFailed;
import dev.claraop.events.payout.LinePaid;
import dev.claraop.events.payout.ProfileUpdated;
import dev.claraop.events.retention.PurgeRunCompleted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type any service publishes. Consumers (audit above all) are tested against this list. */
public final class EventTypes {

  public static final EventType<BatchGenerated> PAYOUT_BATCH_GENERATED =
      new EventType<>("payout.batch.generated", 1, Topics.PAYOUT, BatchGenerated.class);

  public static final EventType<BatchApproved> PAYOUT_BATCH_APPROVED =
      new EventType<>("payout.batch.approved", 1, Topics.PAYOUT, BatchApproved.class);

  public static final EventType<BatchExported> PAYOUT_BATCH_EXPORTED =
      new EventType<>("payout.batch.exported", 1, Topics.PAYOUT, BatchExported.class);

  public static final EventType<BatchCancelled> PAYOUT_BATCH_CANCELLED =
      new EventType<>("payout.batch.cancelled", 1, Topics.PAYOUT, BatchCancelled.class);

  public static final EventType<LinePaid> PAYOUT_BATCH_LINE_PAID =
      new EventType<>("payout.batch.line-paid", 1, Topics.PAYOUT, LinePaid.class);

  public static final EventType<LineFailed> PAYOUT_BATCH_LINE_FAILED =
      new EventType<>("payout.batch.line-failed", 1, Topics.PAYOUT, LineFailed.class);

  public static final EventType<BatchClosed> PAYOUT_BATCH_CLOSED =
      new EventType<>("payout.batch.closed", 1, Topics.PAYOUT, BatchClosed.class);

  public static final EventType<BatchPurged> PAYOUT_BATCH_PURGED =
      new EventType<>("payout.batch.purged", 1, Topics.PAYOUT, BatchPurged.class);

  public static final EventType<BankDetailsDecrypted> PAYOUT_PII_DECRYPTED =
      new EventType<>("payout.pii.decrypted", 1, Topics.PAYOUT, BankDetailsDecrypted.class);

  public static final EventType<ProfileUpdated> PAYOUT_PROFILE_UPDATED =
      new EventType<>("payout.profile.updated", 1, Topics.PAYOUT, ProfileUpdated.class);

  public static final EventType<CampaignCreated> PAYOUT_CAMPAIGN_CREATED =
      new EventType<>("payout.campaign.created", 1, Topics.PAYOUT, CampaignCreated.class);

  public static final EventType<InvoiceSubmitted> PAYOUT_INVOICE_SUBMITTED =
      new EventType<>("payout.invoice.submitted", 1, Topics.PAYOUT, InvoiceSubmitted.class);

  public static final EventType<InvoiceApproved> PAYOUT_INVOICE_APPROVED =
      new EventType<>("payout.invoice.approved", 1, Topics.PAYOUT, InvoiceApproved.class);

  public static final EventType<InvoiceRejected> PAYOUT_INVOICE_REJECTED =
      new EventType<>("payout.invoice.rejected", 1, Topics.PAYOUT, InvoiceRejected.class);

  public static final EventType<PodUpdated> IDENTITY_POD_UPDATED =
      new EventType<>("identity.pod.updated", 1, Topics.IDENTITY, PodUpdated.class);

  public static final EventType<TenantCreated> IDENTITY_TENANT_CREATED =
      new EventType<>("identity.tenant.created", 1, Topics.IDENTITY, TenantCreated.class);

  public static final EventType<UserInvited> IDENTITY_USER_INVITED =
      new EventType<>("identity.user.invited", 1, Topics.IDENTITY, UserInvited.class);

  public static final EventType<MemberSynced> IDENTITY_MEMBER_SYNCED =
      new EventType<>("identity.member.synced", 1, Topics.IDENTITY, MemberSynced.class);

  public static final EventType<DelegationApproved> IDENTITY_DELEGATION_APPROVED =
      new EventType<>("identity.delegation.approved", 1, Topics.IDENTITY, DelegationApproved.class);

  public static final EventType<DelegationRevoked> IDENTITY_DELEGATION_REVOKED =
      new EventType<>("identity.delegation.revoked", 1, Topics.IDENTITY, DelegationRevoked.class);

  public static final EventType<AccountDeletionRequested> IDENTITY_ACCOUNT_DELETION_REQUESTED =
      new EventType<>("identity.account.deletion-requested", 1, Topics.IDENTITY, AccountDeletionRequested.class);

  public static final EventType<AccountReactivated> IDENTITY_ACCOUNT_REACTIVATED =
      new EventType<>("identity.account.reactivated", 1, Topics.IDENTITY, AccountReactivated.class);

  public static final EventType<RequestSubmitted> ACCESS_REQUEST_SUBMITTED =
      new EventType<>("access.request.submitted", 1, Topics.ACCESS, RequestSubmitted.class);

  public static final EventType<RequestApproved> ACCESS_REQUEST_APPROVED =
      new EventType<>("access.request.approved", 1, Topics.ACCESS, RequestApproved.class);

  public static final EventType<RequestDenied> ACCESS_REQUEST_DENIED =
      new EventType<>("access.request.denied", 1, Topics.ACCESS, RequestDenied.class);

  public static final EventType<RequestExpired> ACCESS_REQUEST_EXPIRED =
      new EventType<>("access.request.expired", 1, Topics.ACCESS, RequestExpired.class);

  public static final EventType<GrantActivated> ACCESS_GRANT_ACTIVATED =
      new EventType<>("access.grant.activated", 1, Topics.ACCESS, GrantActivated.class);

  public static final EventType<GrantEnded> ACCESS_GRANT_ENDED =
      new EventType<>("access.grant.ended", 1, Topics.ACCESS, GrantEnded.class);

  public static final EventType<StaffRead> ACCESS_STAFF_READ =
      new EventType<>("access.staff-read", 1, Topics.ACCESS, StaffRead.class);

  public static final EventType<EmailScanned> INGEST_EMAIL_SCANNED =
      new EventType<>("ingest.email.scanned", 1, Topics.INGEST, EmailScanned.class);

  public static final EventType<CampaignDetected> INGEST_CAMPAIGN_DETECTED =
      new EventType<>("ingest.campaign.detected", 1, Topics.INGEST, CampaignDetected.class);

  public static final EventType<PurgeRunCompleted> RETENTION_PURGE_RUN_COMPLETED =
      new EventType<>("retention.purge-run.completed", 1, Topics.RETENTION, PurgeRunCompleted.class);

  public static final EventType<AccountDeleted> IDENTITY_ACCOUNT_DELETED =
      new EventType<>("identity.account.deleted", 1, Topics.IDENTITY, AccountDeleted.class);

  public static final EventType<ErasureRequested> RETENTION_ERASURE_REQUESTED =
      new EventType<>("retention.erasure.requested", 1, Topics.RETENTION, ErasureRequested.class);

  public static final EventType<ErasureConfirmed> RETENTION_ERASURE_CONFIRMED =
      new EventType<>("retention.erasure.confirmed", 1, Topics.RETENTION, ErasureConfirmed.class);

  public static final EventType<UserDataErased> IDENTITY_USER_DATA_ERASED =
      new EventType<>("identity.user-data.erased", 1, Topics.IDENTITY, UserDataErased.class);

  public static final EventType<UserDataErased> PAYOUT_USER_DATA_ERASED =
      new EventType<>("payout.user-data.erased", 1, Topics.PAYOUT, UserDataErased.class);

  public static final EventType<UserDataErased> INGEST_USER_DATA_ERASED =
      new EventType<>("ingest.user-data.erased", 1, Topics.INGEST, UserDataErased.class);

  public static final EventType<UserDataErased> ACCESS_USER_DATA_ERASED =
      new EventType<>("access.user-data.erased", 1, Topics.ACCESS, UserDataErased.class);

  /** Each erasing service's confirmation, by the service name {@link dev.claraop.events.erasure.ErasureServices} uses. */
  public static final Map<String, EventType<UserDataErased>> USER_DATA_ERASED = Map.of(
      "identity", IDENTITY_USER_DATA_ERASED, "payout", PAYOUT_USER_DATA_ERASED,
      "ingest", INGEST_USER_DATA_ERASED, "access", ACCESS_USER_DATA_ERASED);

  private static final List<EventType<?>> ALL = List.of(PAYOUT_BATCH_GENERATED, PAYOUT_BATCH_APPROVED,
      PAYOUT_BATCH_EXPORTED, PAYOUT_BATCH_CANCELLED, PAYOUT_BATCH_LINE_PAID, PAYOUT_BATCH_LINE_FAILED,
      PAYOUT_BATCH_CLOSED, PAYOUT_BATCH_PURGED, PAYOUT_PII_DECRYPTED, PAYOUT_PROFILE_UPDATED,
      PAYOUT_CAMPAIGN_CREATED, PAYOUT_INVOICE_SUBMITTED, PAYOUT_INVOICE_APPROVED, PAYOUT_INVOICE_REJECTED,
      IDENTITY_POD_UPDATED,
      IDENTITY_TENANT_CREATED, IDENTITY_USER_INVITED, IDENTITY_MEMBER_SYNCED, IDENTITY_DELEGATION_APPROVED, IDENTITY_DELEGATION_REVOKED,
      IDENTITY_ACCOUNT_DELETION_REQUESTED, IDENTITY_ACCOUNT_REACTIVATED,
      ACCESS_REQUEST_SUBMITTED, ACCESS_REQUEST_APPROVED, ACCESS_REQUEST_DENIED, ACCESS_REQUEST_EXPIRED,
      ACCESS_GRANT_ACTIVATED, ACCESS_GRANT_ENDED, ACCESS_STAFF_READ,
      INGEST_EMAIL_SCANNED, INGEST_CAMPAIGN_DETECTED, RETENTION_PURGE_RUN_COMPLETED,
      IDENTITY_ACCOUNT_DELETED, RETENTION_ERASURE_REQUESTED, RETENTION_ERASURE_CONFIRMED, IDENTITY_USER_DATA_ERASED,
      PAYOUT_USER_DATA_ERASED, INGEST_USER_DATA_ERASED, ACCESS_USER_DATA_ERASED);

  private static final Map<String, EventType<?>> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

  public static List<EventType<?>> all() {
    return ALL;
  }

  public static Optional<EventType<?>> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private EventTypes() {}
}
