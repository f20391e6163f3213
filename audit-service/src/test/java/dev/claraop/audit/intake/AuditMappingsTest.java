package dev.claraop.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.claraop.audit.entry.AuditEntry.Outcome;
import dev.claraop.audit.entry.AuditEntry.Resource;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuditMappingsTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void every_published_event_type_has_an_audit_mapping() {
    for (EventType<?> type : EventTypes.all()) {
      assertThat(AuditMappings.of(type)).as("audit mapping for %s", type.name()).isPresent();
    }
  }

  @Test
  void every_payout_batch_transition_is_kept_against_its_batch() throws IOException {
    for (EventType<?> type : EventTypes.all()) {
      if (!type.name().startsWith("payout.batch.")) continue;
      AuditMapping.Kept kept = kept(type);
      assertThat(kept.resource()).as(type.name()).isEqualTo(new Resource("payout-batch", "b-7f3e"));
      assertThat(kept.outcome()).as(type.name()).isEqualTo(Outcome.SUCCEEDED);
    }
  }

  @Test
  void identity_changes_are_kept_against_the_tenant_user_delegation_or_account_they_change() throws IOException {
    assertThat(kept(EventTypes.IDENTITY_TENANT_CREATED).resource()).isEqualTo(new Resource("tenant", "acme"));
    assertThat(kept(EventTypes.IDENTITY_USER_INVITED).details()).containsOnly(entry("role", "CREATOR"),
        entry("invitedBy", "11111111-0000-4000-8000-000000000001"));
    assertThat(kept(EventTypes.IDENTITY_DELEGATION_APPROVED).details())
        .contains(entry("role", "MANAGER"), entry("expiresAt", "2026-12-20T09:30:00Z"));
    assertThat(kept(EventTypes.IDENTITY_DELEGATION_REVOKED).resource()).isEqualTo(new Resource("delegation", "d-5f2a"));
    assertThat(kept(EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED).details())
        .containsOnly(entry("graceEndsAt", "2026-12-22T10:00:00Z"));
    assertThat(kept(EventTypes.IDENTITY_ACCOUNT_REACTIVATED).resource())
        .isEqualTo(new Resource("account", "11111111-0000-4000-8000-000000000005"));
  }

  @Test
  void an_approval_keeps_no_details_beyond_who_and_what() throws IOException {
    assertThat(kept(EventTypes.PAYOUT_BATCH_APPROVED).details()).isEmpty();
  }

  @Test
  void an_export_keeps_its_stated_purpose_and_the_file_hash() throws IOException {
    AuditMapping.Kept kept = kept(EventTypes.PAYOUT_BATCH_EXPORTED);
    assertThat(kept.purpose()).isEqualTo("November creator payouts");
    assertThat(kept.details()).containsOnly(entry("format", "PAIN_001"),
        entry("fileSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), entry("lineCount", "2"));
  }

  @Test
  void a_cancellation_keeps_its_reason_and_closing_time() throws IOException {
    assertThat(kept(EventTypes.PAYOUT_BATCH_CANCELLED).details()).containsOnly(
        entry("reason", "Campaign budget moved to December"), entry("closedAt", "2026-11-20T11:45:00Z"));
  }

  @Test
  void a_paid_or_failed_line_keeps_the_line_creator_and_amount() throws IOException {
    assertThat(kept(EventTypes.PAYOUT_BATCH_LINE_PAID).details()).containsOnly(entry("lineId", "l-1"),
        entry("creatorId", "11111111-0000-4000-8000-000000000004"), entry("amount", "1000.00"), entry("currency", "USD"));
    assertThat(kept(EventTypes.PAYOUT_BATCH_LINE_FAILED).details()).containsOnly(entry("lineId", "l-2"),
        entry("creatorId", "11111111-0000-4000-8000-000000000005"), entry("amount", "750.00"), entry("currency", "USD"),
        entry("reason", "Bank returned the transfer: account closed"));
  }

  @Test
  void a_closed_batch_keeps_its_status_closing_time_and_total() throws IOException {
    assertThat(kept(EventTypes.PAYOUT_BATCH_CLOSED).details()).containsOnly(entry("status", "FULLY_PAID"),
        entry("closedAt", "2026-11-22T09:00:00Z"), entry("lineCount", "2"), entry("total", "1750.00"));
  }

  @Test
  void a_support_access_request_keeps_its_justification_as_purpose_and_who_asked_for_what() throws IOException {
    AuditMapping.Kept kept = kept(EventTypes.ACCESS_REQUEST_SUBMITTED);
    assertThat(kept.resource()).isEqualTo(new Resource("support-grant", "g-5c1d"));
    assertThat(kept.purpose()).isEqualTo("Customer reports a batch total that differs from the invoices it pays");
    assertThat(kept.details()).containsOnly(entry("requestedBy", "22222222-0000-4000-8000-000000000001"),
        entry("reason", "SUPPORT_TICKET"), entry("ticketId", "SUP-1042"), entry("scopes", "PAYOUTS_READ,INVOICES_READ"),
        entry("durationMinutes", "120"), entry("decideBy", "2026-11-24T09:00:00Z"));
  }

  @Test
  void approvals_denials_activations_and_endings_of_staff_access_name_who_decided() throws IOException {
    assertThat(kept(EventTypes.ACCESS_REQUEST_APPROVED).details()).containsOnly(
        entry("approvedBy", "11111111-0000-4000-8000-000000000001"), entry("approval", "TENANT_CONSENT"));
    AuditMapping.Kept denied = kept(EventTypes.ACCESS_REQUEST_DENIED);
    assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(denied.details()).containsOnly(entry("deniedBy", "11111111-0000-4000-8000-000000000001"),
        entry("reason", "We resolved the ticket ourselves"));
    assertThat(kept(EventTypes.ACCESS_REQUEST_EXPIRED).details()).containsOnly(entry("decideBy", "2026-11-24T09:00:00Z"));
    assertThat(kept(EventTypes.ACCESS_GRANT_ACTIVATED).details()).containsOnly(
        entry("requestedBy", "22222222-0000-4000-8000-000000000001"),
        entry("approvedBy", "11111111-0000-4000-8000-000000000001"), entry("reason", "SUPPORT_TICKET"),
        entry("ticketId", "SUP-1042"), entry("scopes", "PAYOUTS_READ,INVOICES_READ"),
        entry("expiresAt", "2026-11-23T11:20:00Z"));
    assertThat(kept(EventTypes.ACCESS_GRANT_ENDED).details()).containsOnly(entry("ticketId", "SUP-1042"),
        entry("cause", "TICKET_CLOSED"), entry("previousStatus", "ACTIVE"),
        entry("endedBy", "22222222-0000-4000-8000-000000000001"), entry("endedAt", "2026-11-23T10:05:00Z"));
  }

  @Test
  void a_staff_read_keeps_why_which_ticket_who_approved_and_what_was_read_but_not_what_it_held() throws IOException {
    AuditMapping.Kept kept = kept(EventTypes.ACCESS_STAFF_READ);
    assertThat(kept.resource()).isEqualTo(new Resource("api-resource", "/api/batches/b-9f2e"));
    assertThat(kept.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(kept.purpose()).isNull();
    assertThat(kept.details()).containsOnly(entry("reason", "SUPPORT_TICKET"), entry("ticketId", "SUP-1042"),
        entry("approvedBy", "11111111-0000-4000-8000-000000000001"), entry("scopes", "PAYOUTS_READ,INVOICES_READ"),
        entry("method", "GET"), entry("status", "200"), entry("readAt", "2026-11-23T09:31:00Z"));
  }

  @Test
  void a_bank_detail_decryption_keeps_its_purpose_line_count_and_file_hash() throws IOException {
    AuditMapping.Kept kept = kept(EventTypes.PAYOUT_PII_DECRYPTED);
    assertThat(kept.resource()).isEqualTo(new Resource("payout-batch", "b-7f3e"));
    assertThat(kept.purpose()).isEqualTo("November creator payouts");
    assertThat(kept.details()).containsOnly(entry("format", "PAIN_001"), entry("lineCount", "2"),
        entry("fileSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
  }

  @Test
  void an_erasure_is_kept_against_the_account_with_opaque_ids_and_counts_only() throws IOException {
    Resource account = new Resource("account", "11111111-0000-4000-8000-000000000005");
    assertThat(kept(EventTypes.RETENTION_ERASURE_REQUESTED).resource()).isEqualTo(account);
    assertThat(kept(EventTypes.RETENTION_ERASURE_REQUESTED).details()).containsOnly(entry("erasureId", "er-6c1d"),
        entry("attempt", "1"), entry("services", "identity,payout,ingest,access"));
    assertThat(kept(EventTypes.PAYOUT_USER_DATA_ERASED).details()).containsOnly(entry("erasureId", "er-6c1d"),
        entry("service", "payout"), entry("removed-profiles", "1"), entry("removed-invoices", "3"),
        entry("removed-campaigns", "0"));
    assertThat(kept(EventTypes.IDENTITY_ACCOUNT_DELETED).resource()).isEqualTo(account);
    assertThat(kept(EventTypes.IDENTITY_ACCOUNT_DELETED).details()).containsOnly(entry("erasureId", "er-6c1d"));
  }

  @Test
  void a_purge_keeps_when_and_how_many_lines() throws IOException {
    assertThat(kept(EventTypes.PAYOUT_BATCH_PURGED).details()).containsOnly(entry("purgedAt", "2026-12-23T03:00:05Z"),
        entry("closedAt", "2026-11-22T09:00:00Z"), entry("lineCount", "2"));
  }

  @Test
  void a_profile_update_keeps_the_changed_field_names_only() throws IOException {
    AuditMapping.Kept kept = kept(EventTypes.PAYOUT_PROFILE_UPDATED);
    assertThat(kept.resource()).isEqualTo(new Resource("payout-profile", "11111111-0000-4000-8000-000000000004"));
    assertThat(kept.details()).containsOnly(entry("changedFields", "accountHolder,iban,bic"));
  }

  @Test
  void a_purge_run_keeps_its_trigger_scope_counts_and_the_batches_still_due_and_fails_when_one_failed()
      throws IOException {
    AuditMapping.Kept kept = kept(EventTypes.RETENTION_PURGE_RUN_COMPLETED);
    assertThat(kept.resource()).isEqualTo(new Resource("retention-run", "r-3a9c"));
    assertThat(kept.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(kept.details()).containsOnly(entry("trigger", "SCHEDULED"), entry("scope", "ALL"),
        entry("startedAt", "2026-12-23T03:00:00Z"), entry("finishedAt", "2026-12-23T03:00:07Z"), entry("due", "2"),
        entry("purged", "1"), entry("failed", "1"), entry("failedBatchIds", "b-8a41"));
  }

  @Test
  void ingest_events_keep_ids_the_sender_domain_and_cue_names_against_the_mailbox() throws IOException {
    String cues = "subject.paid-work,subject.paid,subject.collaboration,subject.offer-words,sender.partnership-mailbox";
    AuditMapping.Kept scanned = kept(EventTypes.INGEST_EMAIL_SCANNED);
    assertThat(scanned.resource()).isEqualTo(new Resource("mailbox", "mb-4c1e"));
    assertThat(scanned.details()).containsOnly(entry("messageId", "18f0000000000001"),
        entry("threadId", "18f0000000000001"), entry("senderDomain", "lumen-skincare.com"), entry("brandDeal", "true"),
        entry("cues", cues));
    assertThat(kept(EventTypes.INGEST_CAMPAIGN_DETECTED).details()).containsOnly(entry("messageId", "18f0000000000001"),
        entry("threadId", "18f0000000000001"), entry("brandDomain", "lumen-skincare.com"),
        entry("suggestedName", "Lumen Skincare collaboration, Oct 2026"), entry("cues", cues));
  }

  /** The golden sample of {@code type}, as its mapping keeps it. */
  private AuditMapping.Kept kept(EventType<?> type) throws IOException {
    String path = "/samples/" + type.name() + ".v" + type.schemaVersion() + ".json";
    try (InputStream in = AuditMappingsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return AuditMappings.of(type).orElseThrow()
          .apply(codec, codec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }
}
