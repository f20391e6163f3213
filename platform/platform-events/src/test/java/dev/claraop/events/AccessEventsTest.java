package dev.claraop.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.events.access.GrantActivated;
import dev.claraop.events.access.GrantEnded;
import dev.claraop.events.access.RequestApproved;
import dev.claraop.events.access.RequestDenied;
import dev.claraop.events.access.RequestExpired;
import dev.claraop.events.access.RequestSubmitted;
import dev.claraop.events.access.StaffRead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The support-access events are written exactly as their golden samples, and their schemas hold the rules. */
class AccessEventsTest {

  private static final String ENGINEER = "22222222-0000-4000-8000-000000000001";
  private static final String ADMIN = "11111111-0000-4000-8000-000000000001";
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void every_access_event_is_written_exactly_as_its_golden_sample() throws IOException {
    assertGolden(EventTypes.ACCESS_REQUEST_SUBMITTED, "7a1b2c3d-4e5f-4a60-8b71-c2d3e4f5a6b7", "2026-11-23T09:00:00Z",
        Actor.staff(ENGINEER, "g-5c1d"), "g-5c1d", "req-60",
        new RequestSubmitted("g-5c1d", ENGINEER, "SUPPORT_TICKET", "SUP-1042", List.of("PAYOUTS_READ", "INVOICES_READ"),
            "Customer reports a batch total that differs from the invoices it pays", null, 120,
            Instant.parse("2026-11-24T09:00:00Z")));
    assertGolden(EventTypes.ACCESS_REQUEST_APPROVED, "8b2c3d4e-5f60-4a71-9c82-d3e4f5a6b7c8", "2026-11-23T09:20:00Z",
        Actor.user(ADMIN), "g-5c1d", "req-61", new RequestApproved("g-5c1d", ADMIN, "TENANT_CONSENT"));
    assertGolden(EventTypes.ACCESS_REQUEST_DENIED, "9c3d4e5f-6071-4a82-8d93-e4f5a6b7c8d9", "2026-11-23T09:25:00Z",
        Actor.user(ADMIN), "g-6d2e", "req-62", new RequestDenied("g-6d2e", ADMIN, "We resolved the ticket ourselves"));
    assertGolden(EventTypes.ACCESS_REQUEST_EXPIRED, "ad4e5f60-7182-4a93-9ea4-f5a6b7c8d9ea", "2026-11-24T09:00:05Z",
        Actor.system("support-access-service"), "g-7e3f", null,
        new RequestExpired("g-7e3f", Instant.parse("2026-11-24T09:00:00Z")));
    assertGolden(EventTypes.ACCESS_GRANT_ACTIVATED, "be5f6071-8293-4aa4-8fb5-a6b7c8d9eafb", "2026-11-23T09:20:00Z",
        Actor.user(ADMIN), "g-5c1d", "req-61",
        new GrantActivated("g-5c1d", ENGINEER, List.of(ADMIN), "SUPPORT_TICKET", "SUP-1042",
            List.of("PAYOUTS_READ", "INVOICES_READ"), Instant.parse("2026-11-23T09:20:00Z"),
            Instant.parse("2026-11-23T11:20:00Z")));
    assertGolden(EventTypes.ACCESS_GRANT_ENDED, "cf607182-93a4-4bb5-9fc6-b7c8d9eafb0c", "2026-11-23T10:05:00Z",
        Actor.staff(ENGINEER, "g-5c1d"), "g-5c1d", "req-63",
        new GrantEnded("g-5c1d", "SUP-1042", "TICKET_CLOSED", "ACTIVE", ENGINEER, Instant.parse("2026-11-23T10:05:00Z")));
    assertGolden(EventTypes.ACCESS_STAFF_READ, "d0718293-a4b5-4cc6-8fd7-c8d9eafb0c1d", "2026-11-23T09:31:00Z",
        Actor.staff(ENGINEER, "g-5c1d"), "g-5c1d", "req-64",
        new StaffRead("g-5c1d", ENGINEER, "SUPPORT_TICKET", "SUP-1042", List.of(ADMIN),
            List.of("PAYOUTS_READ", "INVOICES_READ"), "GET", "/api/batches/b-9f2e", 200, null,
            Instant.parse("2026-11-23T09:31:00Z")));
  }

  @Test
  void a_request_names_only_known_reasons_and_scopes() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.ACCESS_REQUEST_SUBMITTED)).data();
    data.put("reason", "CURIOSITY");
    data.putArray("scopes").add("PAYOUTS_WRITE");
    data.put("basis", "x".repeat(201));
    assertThat(SchemaCheck.violations(EventTypes.ACCESS_REQUEST_SUBMITTED, data)).containsExactlyInAnyOrder(
        "data.reason is not one of the listed values", "data.scopes[0] is not one of the listed values",
        "data.basis is too long");
  }

  @Test
  void a_staff_read_is_a_read_under_known_scopes() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.ACCESS_STAFF_READ)).data();
    data.put("method", "POST");
    data.putArray("scopes").add("PAYOUTS_WRITE");
    assertThat(SchemaCheck.violations(EventTypes.ACCESS_STAFF_READ, data)).containsExactlyInAnyOrder(
        "data.method is not one of the listed values", "data.scopes[0] is not one of the listed values");
  }

  @Test
  void an_ended_grant_names_one_of_the_three_causes() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.ACCESS_GRANT_ENDED)).data();
    data.put("cause", "FORGOTTEN");
    assertThat(SchemaCheck.violations(EventTypes.ACCESS_GRANT_ENDED, data))
        .containsExactly("data.cause is not one of the listed values");
  }

  private <T extends Record> void assertGolden(
      EventType<T> type, String eventId, String at, Actor actor, String subject, String requestId, T data)
      throws IOException {
    EventEnvelope envelope = codec.envelope(type, UUID.fromString(eventId), Instant.parse(at), "demo", actor, subject,
        requestId, null, data);
    assertThat(json.readTree(codec.write(envelope))).as(type.name()).isEqualTo(json.readTree(sample(type)));
  }

  private static String sample(EventType<?> type) throws IOException {
    String path = "/samples/" + type.name() + ".v" + type.schemaVersion() + ".json";
    try (InputStream in = AccessEventsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
