package dev.claraop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.events.payout.BatchApproved;
import dev.claraop.events.payout.BatchCancelled;
import dev.claraop.events.payout.BatchClosed;
import dev.claraop.events.payout.BatchExported;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.events.payout.LineFailed;
import dev.claraop.events.payout.LinePaid;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void a_batch_generated_event_is_written_exactly_as_its_golden_sample() throws IOException {
    EventEnvelope envelope = codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED,
        UUID.fromString("0d9b2f7e-4f1c-4a53-9a4e-1f2a3b4c5d6e"), Instant.parse("2026-11-20T10:15:30Z"),
        "demo", Actor.user("11111111-0000-4000-8000-000000000001"), "b-7f3e", "req-42", "cmd-1",
        new BatchGenerated("b-7f3e", "USD", 2, new BigDecimal("1750.00"),
            "11111111-0000-4000-8000-000000000001"));

    assertThat(json.readTree(codec.write(envelope)))
        .isEqualTo(json.readTree(sample(EventTypes.PAYOUT_BATCH_GENERATED)));
  }

  private static final String ADMIN_2 = "11111111-0000-4000-8000-000000000002";

  @Test
  void the_batch_lifecycle_events_are_written_exactly_as_their_golden_samples() throws IOException {
    assertGolden(EventTypes.PAYOUT_BATCH_APPROVED, "1a2b3c4d-5e6f-4a70-8b81-92a3b4c5d6e7", "2026-11-20T11:00:00Z",
        "req-43", "cmd-2", new BatchApproved("b-7f3e", ADMIN_2));
    assertGolden(EventTypes.PAYOUT_BATCH_EXPORTED, "2b3c4d5e-6f70-4a81-9c92-a3b4c5d6e7f8", "2026-11-20T11:30:00Z",
        "req-44", "cmd-3", new BatchExported("b-7f3e", ADMIN_2, "November creator payouts", "PAIN_001",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 2));
    assertGolden(EventTypes.PAYOUT_BATCH_CANCELLED, "3c4d5e6f-7081-4a92-8da3-b4c5d6e7f809", "2026-11-20T11:45:00Z",
        "req-45", "cmd-4", new BatchCancelled("b-7f3e", ADMIN_2, "Campaign budget moved to December",
            Instant.parse("2026-11-20T11:45:00Z")));
    assertGolden(EventTypes.PAYOUT_BATCH_LINE_PAID, "4d5e6f70-8192-4aa3-9eb4-c5d6e7f8091a", "2026-11-21T09:00:00Z",
        "req-46", "cmd-5", new LinePaid("b-7f3e", "l-1", "11111111-0000-4000-8000-000000000004",
            new BigDecimal("1000.00"), "USD", ADMIN_2));
    assertGolden(EventTypes.PAYOUT_BATCH_LINE_FAILED, "5e6f7081-92a3-4bb4-8fc5-d6e7f8091a2b", "2026-11-21T09:05:00Z",
        "req-47", "cmd-6", new LineFailed("b-7f3e", "l-2", "11111111-0000-4000-8000-000000000005",
            new BigDecimal("750.00"), "USD", ADMIN_2, "Bank returned the transfer: account closed"));
    assertGolden(EventTypes.PAYOUT_BATCH_CLOSED, "6f708192-a3b4-4cc5-9d06-e7f8091a2b3c", "2026-11-22T09:00:00Z",
        "req-48", "cmd-7", new BatchClosed("b-7f3e", "FULLY_PAID", Instant.parse("2026-11-22T09:00:00Z"), 2,
            new BigDecimal("1750.00")));
  }

  @Test
  void the_profile_decryption_and_purge_events_are_written_exactly_as_their_golden_samples() throws IOException {
    EventEnvelope profile = codec.envelope(EventTypes.PAYOUT_PROFILE_UPDATED,
        UUID.fromString("7a8b9c0d-1e2f-4a30-8b41-c2d3e4f50617"), Instant.parse("2026-11-19T16:20:00Z"), "demo",
        Actor.user(ADMIN_2), "11111111-0000-4000-8000-000000000004", "req-40", "cmd-0",
        new dev.claraop.events.payout.ProfileUpdated("11111111-0000-4000-8000-000000000004", ADMIN_2,
            java.util.List.of("accountHolder", "iban", "bic")));
    assertThat(json.readTree(codec.write(profile))).isEqualTo(json.readTree(sample(EventTypes.PAYOUT_PROFILE_UPDATED)));
    assertGolden(EventTypes.PAYOUT_PII_DECRYPTED, "8b9c0d1e-2f30-4a41-9c52-d3e4f5061728", "2026-11-20T11:30:00Z",
        "req-44", "cmd-3", new dev.claraop.events.payout.BankDetailsDecrypted("b-7f3e", ADMIN_2,
            "November creator payouts", "PAIN_001", 2, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    EventEnvelope purged = codec.envelope(EventTypes.PAYOUT_BATCH_PURGED,
        UUID.fromString("9c0d1e2f-3041-4b52-8d63-e4f506172839"), Instant.parse("2026-12-23T03:00:05Z"), "demo",
        Actor.system("retention-service"), "b-7f3e", "req-49", "cmd-8",
        new dev.claraop.events.payout.BatchPurged("b-7f3e", "retention-service", Instant.parse("2026-12-23T03:00:05Z"),
            Instant.parse("2026-11-22T09:00:00Z"), 2));
    assertThat(json.readTree(codec.write(purged))).isEqualTo(json.readTree(sample(EventTypes.PAYOUT_BATCH_PURGED)));
  }

  @Test
  void every_golden_sample_conforms_to_its_schema() throws IOException {
    for (EventType<?> type : EventTypes.all()) {
      assertThat(SchemaCheck.violations(type, codec.read(sample(type)).data())).as("%s", type.name()).isEmpty();
    }
  }

  @Test
  void the_schema_check_names_what_breaks_a_schema() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.PAYOUT_BATCH_CLOSED)).data();
    data.remove("lineCount");
    data.put("status", "CANCELLED").put("closedAt", "yesterday").put("total", 0).put("iban", "DE89370400440532013000");
    assertThat(SchemaCheck.violations(EventTypes.PAYOUT_BATCH_CLOSED, data)).containsExactlyInAnyOrder(
        "data.lineCount is missing", "data.status is not one of the listed values", "data.closedAt is not a date-time",
        "data.total is not above its exclusive minimum", "data.iban is not allowed");
  }

  @Test
  void every_golden_sample_reads_back_into_its_data_record() throws IOException {
    for (EventType<?> type : EventTypes.all()) {
      EventEnvelope envelope = codec.read(sample(type));
      assertThat(envelope.type()).isEqualTo(type.name());
      assertThat(envelope.schemaVersion()).isEqualTo(type.schemaVersion());
      assertThat(codec.data(envelope, type)).isInstanceOf(type.dataType());
    }
  }

  @Test
  void every_event_type_has_a_schema_that_requires_exactly_its_record_fields() throws IOException {
    for (EventType<?> type : EventTypes.all()) {
      try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
        assertThat(in).as("schema of %s", type.name()).isNotNull();
        JsonNode schema = json.readTree(in);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asString()));
        Set<String> components = new HashSet<>();
        Arrays.stream(type.dataType().getRecordComponents()).forEach(c -> components.add(c.getName()));
        assertThat(required).as("required fields of %s", type.name()).isEqualTo(components);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
      }
    }
  }

  @Test
  void wire_names_are_unique_and_not_java_class_names() {
    Set<String> names = new HashSet<>();
    for (EventType<?> type : EventTypes.all()) {
      assertThat(names.add(type.name())).as("duplicate %s", type.name()).isTrue();
      assertThat(type.name()).doesNotContain(type.dataType().getSimpleName());
      assertThat(Topics.all()).contains(type.topic());
    }
  }

  @Test
  void amounts_keep_their_exact_value_and_scale_through_write_and_read() {
    EventEnvelope envelope = codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED, UUID.randomUUID(), Instant.now(),
        "demo", Actor.user("u"), "b-1", null, null,
        new BatchGenerated("b-1", "USD", 3, new BigDecimal("2750.10"), "u"));
    BatchGenerated read = codec.data(codec.read(codec.write(envelope)), EventTypes.PAYOUT_BATCH_GENERATED);
    assertThat(read.total()).isEqualTo(new BigDecimal("2750.10"));
    assertThat(read.total().toPlainString()).isEqualTo("2750.10");
  }

  @Test
  void unreadable_text_is_refused_without_echoing_it() {
    assertThatThrownBy(() -> codec.read("{\"eventId\": \"IBAN DE89370400440532013000\""))
        .isInstanceOf(EventCodec.UnreadableEvent.class)
        .hasMessageNotContaining("DE89");
    assertThatThrownBy(() -> codec.read("{\"type\":\"payout.batch.generated\"}"))
        .isInstanceOf(EventCodec.UnreadableEvent.class);
  }

  @Test
  void a_staff_actor_must_name_its_grant() {
    assertThatThrownBy(() -> new Actor(Actor.Kind.STAFF, "s-1", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_identity_events_are_written_exactly_as_their_golden_samples() throws IOException {
    String admin = "11111111-0000-4000-8000-000000000001";
    String creator = "11111111-0000-4000-8000-000000000005";
    String otherAdmin = "22222222-0000-4000-8000-000000000001";
    assertIdentityGolden(EventTypes.IDENTITY_TENANT_CREATED, "7c1d2e3f-4051-4a62-8b73-94a5b6c7d8e9", "2026-11-20T08:00:00Z",
        "acme", "33333333-0000-4000-8000-000000000001", "acme", "req-1",
        new dev.claraop.events.identity.TenantCreated("acme", "Acme Creators", "44444444-0000-4000-8000-000000000001"));
    assertIdentityGolden(EventTypes.IDENTITY_USER_INVITED, "8d2e3f40-5162-4b73-9c84-a5b6c7d8e9fa", "2026-11-20T08:30:00Z",
        "demo", admin, "11111111-0000-4000-8000-000000000006", "req-2",
        new dev.claraop.events.identity.UserInvited("11111111-0000-4000-8000-000000000006", "CREATOR", admin));
    EventEnvelope synced = codec.envelope(EventTypes.IDENTITY_MEMBER_SYNCED,
        UUID.fromString("d2738495-a6b7-4c08-91d9-fa0b1c2d3e4f"), Instant.parse("2026-11-23T07:00:00Z"), "demo",
        Actor.system("identity-service"), "11111111-0000-4000-8000-000000000004", null, null,
        new dev.claraop.events.identity.MemberSynced("11111111-0000-4000-8000-000000000004", "CREATOR"));
    assertThat(json.readTree(codec.write(synced))).isEqualTo(json.readTree(sample(EventTypes.IDENTITY_MEMBER_SYNCED)));
    assertIdentityGolden(EventTypes.IDENTITY_DELEGATION_APPROVED, "9e3f4051-6273-4c84-8d95-b6c7d8e9fa0b", "2026-11-20T09:30:00Z",
        "demo", admin, "d-5f2a", "req-3", new dev.claraop.events.identity.DelegationApproved("d-5f2a", otherAdmin, "MANAGER",
            Instant.parse("2026-12-20T09:30:00Z"), admin));
    assertIdentityGolden(EventTypes.IDENTITY_DELEGATION_REVOKED, "af405162-7384-4d95-9ea6-c7d8e9fa0b1c", "2026-11-21T09:30:00Z",
        "demo", admin, "d-5f2a", "req-4", new dev.claraop.events.identity.DelegationRevoked("d-5f2a", otherAdmin, admin));
    assertIdentityGolden(EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED, "b0516273-8495-4ea6-afb7-d8e9fa0b1c2d",
        "2026-11-22T10:00:00Z", "demo", creator, creator, "req-5",
        new dev.claraop.events.identity.AccountDeletionRequested(creator, Instant.parse("2026-12-22T10:00:00Z")));
    assertIdentityGolden(EventTypes.IDENTITY_ACCOUNT_REACTIVATED, "c1627384-95a6-4fb7-80c8-e9fa0b1c2d3e", "2026-11-23T10:00:00Z",
        "demo", creator, creator, "req-6", new dev.claraop.events.identity.AccountReactivated(creator));
  }

  private <T extends Record> void assertIdentityGolden(EventType<T> type, String eventId, String at, String tenant,
      String actor, String subject, String requestId, T data) throws IOException {
    EventEnvelope envelope = codec.envelope(type, UUID.fromString(eventId), Instant.parse(at), tenant,
        Actor.user(actor), subject, requestId, null, data);
    assertThat(json.readTree(codec.write(envelope))).as(type.name()).isEqualTo(json.readTree(sample(type)));
  }

  private <T extends Record> void assertGolden(
      EventType<T> type, String eventId, String at, String requestId, String causationId, T data) throws IOException {
    EventEnvelope envelope = codec.envelope(type, UUID.fromString(eventId), Instant.parse(at), "demo",
        Actor.user(ADMIN_2), "b-7f3e", requestId, causationId, data);
    assertThat(json.readTree(codec.write(envelope))).as(type.name()).isEqualTo(json.readTree(sample(type)));
  }

  private static String sample(EventType<?> type) throws IOException {
    String path = "/samples/" + type.name() + ".v" + type.schemaVersion() + ".json";
    try (InputStream in = EventCodecTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
