package dev.claraop.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.events.identity.AccountDeleted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The account erasure protocol (DESIGN §6.6): request, each service's confirmation, the login's deletion. */
class ErasureEventsTest {

  private static final String USER = "11111111-0000-4000-8000-000000000005";
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void an_erasure_request_and_the_deleted_account_are_written_exactly_as_their_golden_samples() throws IOException {
    EventEnvelope requested = codec.envelope(EventTypes.RETENTION_ERASURE_REQUESTED,
        UUID.fromString("e1a2b3c4-0000-4000-8000-000000000001"), Instant.parse("2026-12-22T10:05:00Z"), "demo",
        Actor.system("retention-service"), USER, null, null,
        new ErasureRequested("er-6c1d", USER, 1, ErasureServices.ALL));
    assertThat(json.readTree(codec.write(requested))).isEqualTo(json.readTree(sample(EventTypes.RETENTION_ERASURE_REQUESTED)));

    EventEnvelope deleted = codec.envelope(EventTypes.IDENTITY_ACCOUNT_DELETED,
        UUID.fromString("e1a2b3c4-0000-4000-8000-000000000003"), Instant.parse("2026-12-22T10:05:00Z"), "demo",
        Actor.system("identity-service"), USER, null, null, new AccountDeleted(USER, "er-6c1d"));
    assertThat(json.readTree(codec.write(deleted))).isEqualTo(json.readTree(sample(EventTypes.IDENTITY_ACCOUNT_DELETED)));
  }

  @Test
  void every_erasing_service_confirms_on_its_own_topic_under_its_own_name() {
    assertThat(EventTypes.USER_DATA_ERASED.keySet()).containsExactlyInAnyOrderElementsOf(ErasureServices.ALL);
    EventTypes.USER_DATA_ERASED.forEach((service, type) -> {
      assertThat(type.name()).isEqualTo(service + ".user-data.erased");
      assertThat(type.topic()).isEqualTo(service + ".events");
    });
  }

  @Test
  void a_confirmation_carries_counts_by_kind_and_nothing_personal() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.PAYOUT_USER_DATA_ERASED)).data();
    assertThat(codec.data(codec.read(sample(EventTypes.PAYOUT_USER_DATA_ERASED)), EventTypes.PAYOUT_USER_DATA_ERASED))
        .isEqualTo(new UserDataErased("er-6c1d", USER, "payout", Map.of("profiles", 1, "invoices", 3, "campaigns", 0)));
    data.put("service", "identity").put("email", "creator1@demo.claraop.dev");
    ((ObjectNode) data.get("removed")).put("invoices", -1).put("Creator Name", 1).put("iban", "DE89370400440532013000");
    assertThat(SchemaCheck.violations(EventTypes.PAYOUT_USER_DATA_ERASED, data)).containsExactlyInAnyOrder(
        "data.service is not one of the listed values", "data.email is not allowed",
        "data.removed.invoices is below its minimum", "data.removed key Creator Name does not match its pattern",
        "data.removed.iban is not of type integer");
  }

  @Test
  void a_request_names_only_known_services_each_once() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.RETENTION_ERASURE_REQUESTED)).data();
    data.put("attempt", 0).putArray("services").add("payout").add("payout").add("billing");
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_ERASURE_REQUESTED, data)).containsExactlyInAnyOrder(
        "data.attempt is below its minimum", "data.services repeats an item",
        "data.services[2] is not one of the listed values");
    assertThat(List.copyOf(ErasureServices.ALL)).containsExactly("identity", "payout", "ingest", "access");
  }

  private static String sample(EventType<?> type) throws IOException {
    String path = "/samples/" + type.name() + ".v1.json";
    try (InputStream in = ErasureEventsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
