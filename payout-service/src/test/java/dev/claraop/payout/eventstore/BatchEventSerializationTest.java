package dev.claraop.payout.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import dev.claraop.payout.batch.BatchLine;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

/**
 * Lines stored before creator names were sealed keep reading with the event store's serializer: the plain
 * {@code creatorName} comes back and the missing {@code sealedCreatorName} reads as null; new lines carry no plain name.
 */
class BatchEventSerializationTest {

  private static final String SEALED = "creator:t-1.c-1:1:0a1b2c3d:gAAAAsealed";
  private final Serializer events = new EventStoreConfiguration().eventSerializer();

  @Test
  void a_new_line_is_stored_with_its_sealed_name_and_no_plain_one() {
    String json = serialize(generated(new BatchLine("l-1", "c-1", null, BigDecimal.TEN, "USD", List.of("inv-1"),
        new BatchLine.BankSnapshot("batch:b-1:1:0a1b2c3d:gAAAA", "••••3000", "c-1"), SEALED)));
    assertThat(json).contains("\"sealedCreatorName\":\"" + SEALED + "\"").contains("\"creatorName\":null");
    assertThat(deserialize(json).lines().getFirst().sealedCreatorName()).isEqualTo(SEALED);
  }

  @Test
  void an_event_stored_before_names_were_sealed_reads_with_its_plain_name() {
    String json = serialize(generated(new BatchLine("l-1", "c-1", null, BigDecimal.TEN, "USD", List.of("inv-1"),
        new BatchLine.BankSnapshot("batch:b-1:1:0a1b2c3d:gAAAA", "••••3000", "c-1"), SEALED)));
    // The shape of revision 1 as it was stored: a plain name and no sealed one.
    String old = json.replace(",\"sealedCreatorName\":\"" + SEALED + "\"", "")
        .replace("\"creatorName\":null", "\"creatorName\":\"Olga Old\"");
    assertThat(old).doesNotContain("sealedCreatorName").contains("Olga Old");
    BatchLine line = deserialize(old).lines().getFirst();
    assertThat(line.creatorName()).isEqualTo("Olga Old");
    assertThat(line.sealedCreatorName()).isNull();
    assertThat(line.amount()).isEqualByComparingTo("10");
  }

  private static BatchGenerated generated(BatchLine line) {
    return new BatchGenerated("b-1", "t-1", "USD", "admin-1", List.of(line));
  }

  private String serialize(BatchGenerated event) {
    return events.serialize(event, String.class).getData();
  }

  private BatchGenerated deserialize(String json) {
    SerializedObject<String> stored = new SimpleSerializedObject<>(json, String.class,
        events.typeForClass(BatchGenerated.class));
    return events.deserialize(stored);
  }
}
