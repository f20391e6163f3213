package dev.claraop.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.events.retention.PurgeRunCompleted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The retention events are written exactly as their golden samples, and their schemas hold the rules. */
class RetentionEventsTest {

  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void a_completed_purge_run_is_written_exactly_as_its_golden_sample() throws IOException {
    EventEnvelope envelope = codec.envelope(EventTypes.RETENTION_PURGE_RUN_COMPLETED,
        UUID.fromString("d0718293-a4b5-4cc6-8d07-f8091a2b3c4d"), Instant.parse("2026-12-23T03:00:07Z"), "demo",
        Actor.system("retention-service"), "r-3a9c", null, null,
        new PurgeRunCompleted("r-3a9c", "SCHEDULED", "ALL", Instant.parse("2026-12-23T03:00:00Z"),
            Instant.parse("2026-12-23T03:00:07Z"), List.of("b-7f3e", "b-8a41"), List.of("b-7f3e"),
            List.of(new PurgeRunCompleted.Failure("b-8a41",
                "payout-service unavailable (HTTP 503); stays due for the next run"))));
    assertThat(json.readTree(codec.write(envelope))).isEqualTo(json.readTree(sample()));
  }

  @Test
  void a_run_names_a_known_trigger_and_scope_and_only_batch_ids_and_reasons() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample()).data();
    data.put("trigger", "WHENEVER").put("scope", "tenant:");
    ((ObjectNode) data.get("failed").get(0)).put("iban", "DE89370400440532013000").put("reason", "x".repeat(201));
    data.putArray("purged").add("b-7f3e").add("b-7f3e");
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_PURGE_RUN_COMPLETED, data)).containsExactlyInAnyOrder(
        "data.trigger is not one of the listed values", "data.scope does not match its pattern",
        "data.failed[0].iban is not allowed", "data.failed[0].reason is too long", "data.purged repeats an item");
  }

  private static String sample() throws IOException {
    String path = "/samples/retention.purge-run.completed.v1.json";
    try (InputStream in = RetentionEventsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
