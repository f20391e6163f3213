package dev.claraop.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The test's side of an erasure, against the real broker: a service's answers are played by this test. */
class ErasureProtocolTest {

  private final EventCodec codec = new EventCodec();
  private final ErasureProtocol erasure = new ErasureProtocol(ErasureServices.INGEST);
  private final String user = "u-" + UUID.randomUUID();
  private final String erasureId = "er-" + UUID.randomUUID();

  @Test
  void a_request_goes_onto_retention_events_keyed_by_the_user_as_retention_publishes_it() throws Exception {
    EventEnvelope request = erasure.request("t-1", new ErasureRequested(erasureId, user, 2, ErasureServices.ALL));

    List<ConsumerRecord<String, String>> sent = KafkaRecords.read(Topics.RETENTION,
        r -> r.value().contains(request.eventId().toString()), 1, Duration.ofSeconds(30));
    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().key()).isEqualTo(user);
    EventEnvelope read = codec.read(sent.getFirst().value());
    assertThat(read).isEqualTo(request);
    assertThat(read.type()).isEqualTo(EventTypes.RETENTION_ERASURE_REQUESTED.name());
    assertThat(read.tenantId()).isEqualTo("t-1");
    assertThat(read.subjectId()).isEqualTo(user);
    assertThat(read.actor()).isEqualTo(ErasureProtocol.RETENTION);
    assertThat(read.correlationId()).isEqualTo(erasureId);
    assertThat(codec.data(read, EventTypes.RETENTION_ERASURE_REQUESTED))
        .isEqualTo(new ErasureRequested(erasureId, user, 2, ErasureServices.ALL));
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_ERASURE_REQUESTED, read.data())).isEmpty();
  }

  @Test
  void a_confirmation_and_a_redelivery_go_where_they_are_told() throws Exception {
    EventEnvelope confirmed = erasure.confirm("t-1", new ErasureConfirmed(erasureId, user, 1, ErasureServices.ALL));
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_ERASURE_CONFIRMED, confirmed.data())).isEmpty();
    EventEnvelope request = erasure.newRequest("t-1", new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));
    RecordMetadata first = erasure.publish(request);
    RecordMetadata again = erasure.publish("elsewhere", request);

    assertThat(List.of(first.topic(), again.topic())).containsOnly(Topics.RETENTION);
    List<ConsumerRecord<String, String>> sent = KafkaRecords.read(Topics.RETENTION,
        r -> r.value().contains(erasureId), 3, Duration.ofSeconds(30));
    assertThat(sent).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(user, user, "elsewhere");
    assertThat(sent).extracting(r -> codec.read(r.value()).type()).containsOnly(
        EventTypes.RETENTION_ERASURE_CONFIRMED.name(), EventTypes.RETENTION_ERASURE_REQUESTED.name());
  }

  @Test
  void the_confirmation_of_a_request_is_the_services_answer_caused_by_it() throws Exception {
    EventEnvelope first = erasure.request("t-1", new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));
    EventEnvelope second = erasure.request("t-1", new ErasureRequested(erasureId, user, 2, ErasureServices.ALL));
    answer(EventTypes.INGEST_USER_DATA_ERASED, second, erasureId, 0);
    answer(EventTypes.PAYOUT_USER_DATA_ERASED, first, erasureId, 9); // another service's, on another topic
    answer(EventTypes.INGEST_USER_DATA_ERASED, first, erasureId, 3);

    EventEnvelope confirmation = erasure.confirmation(first);
    assertThat(confirmation.causationId()).isEqualTo(first.eventId().toString());
    assertThat(erasure.erased(confirmation))
        .isEqualTo(new UserDataErased(erasureId, user, "ingest", Map.of("mailboxes", 3)));
    assertThat(erasure.confirmations(erasureId, 2, Duration.ofSeconds(30)))
        .extracting(EventEnvelope::causationId)
        .containsExactly(second.eventId().toString(), first.eventId().toString());
    assertThat(erasure.confirmations("er-never-" + UUID.randomUUID(), 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void an_answer_given_twice_or_naming_another_erasure_is_no_confirmation() throws Exception {
    EventEnvelope twice = erasure.request("t-1", new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));
    answer(EventTypes.INGEST_USER_DATA_ERASED, twice, erasureId, 1);
    answer(EventTypes.INGEST_USER_DATA_ERASED, twice, erasureId, 1);
    assertThatThrownBy(() -> erasure.confirmation(twice)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("one ingest.user-data.erased");

    EventEnvelope misnamed = erasure.request("t-1", new ErasureRequested(erasureId, user, 2, ErasureServices.ALL));
    answer(EventTypes.INGEST_USER_DATA_ERASED, misnamed, "er-other-" + UUID.randomUUID(), 1);
    assertThatThrownBy(() -> erasure.confirmation(misnamed)).isInstanceOf(AssertionError.class)
        .hasMessageContaining(erasureId);
  }

  @Test
  void only_the_erasing_services_take_part() {
    assertThatThrownBy(() -> new ErasureProtocol("retention")).isInstanceOf(IllegalArgumentException.class);
  }

  /** What {@code type}'s service would publish on its topic in answer to {@code request}. */
  private void answer(EventType<UserDataErased> type, EventEnvelope request, String answeredErasure, int mailboxes)
      throws Exception {
    String service = type.name().substring(0, type.name().indexOf('.'));
    EventEnvelope answer = codec.envelope(type, UUID.randomUUID(), Instant.now(), request.tenantId(),
        Actor.system(service + "-service"), request.subjectId(), request.correlationId(), request.eventId().toString(),
        new UserDataErased(answeredErasure, request.subjectId(), service, Map.of("mailboxes", mailboxes)));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer.send(new ProducerRecord<>(type.topic(), request.subjectId(), codec.write(answer))).get();
    }
  }
}
