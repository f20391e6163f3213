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
