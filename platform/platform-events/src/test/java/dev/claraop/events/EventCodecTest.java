package dev.claraop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.events.payout.BatchGenerated;
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

  private static String sample(EventType<?> type) throws IOException {
    String path = "/samples/" + type.name() + ".v" + type.schemaVersion() + ".json";
    try (InputStream in = EventCodecTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
