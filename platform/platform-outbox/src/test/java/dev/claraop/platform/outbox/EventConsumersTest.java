package dev.claraop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.claraop.events.EventCodec;
import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.mock.MockProducerFactory;

/** The consumers' shared containers, error handling and topic declarations, with a mock producer: no broker. */
class EventConsumersTest {

  private static final Serializer<Object> AS_TEXT =
      (topic, data) -> data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);

  private final MockProducer<Object, Object> producer = new MockProducer<>(true, null, AS_TEXT, AS_TEXT);
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final Counter deadLetters = EventConsumers.deadLetterCounter(meters, "claraop.test.dead.letters");
  private final KafkaTemplate<Object, Object> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
  private final DefaultErrorHandler handler = EventConsumers.errorHandler(template, deadLetters);

  private static ConsumerRecord<String, String> record(String topic, String value) {
    return new ConsumerRecord<>(topic, 2, 41, "subject-1", value);
  }

  @Test
  void an_unreadable_record_goes_to_its_topics_dead_letter_topic_at_once_and_is_counted() {
    boolean done = handler.handleOne(new EventCodec.UnreadableEvent("not a readable event envelope", null),
        record(Topics.RETENTION, "{not json"), null, null);

    assertThat(done).isTrue();
    assertThat(producer.history()).singleElement().satisfies(sent -> {
      assertThat(sent.topic()).isEqualTo("retention.events.DLT");
      assertThat(sent.partition()).as("the producer picks the DLT partition").isNull();
      assertThat(sent.key()).isEqualTo("subject-1");
      assertThat(sent.value()).isEqualTo("{not json");
    });
    assertThat(meters.get("claraop.test.dead.letters").counter().count()).isEqualTo(1.0);
  }

  @Test
  void an_invalid_record_is_dead_lettered_at_once_too() {
    boolean done = handler.handleOne(new IllegalArgumentException("no tenant"),
        record(Topics.PAYOUT, "{\"type\":\"payout.batch.closed\"}"), null, null);

    assertThat(done).isTrue();
    assertThat(producer.history()).extracting(sent -> sent.topic()).containsExactly("payout.events.DLT");
    assertThat(deadLetters.count()).isEqualTo(1.0);
  }

  @Test
  void anything_else_is_kept_for_a_retry_and_never_dead_lettered_on_the_first_failure() {
    boolean done = handler.handleOne(new DataAccessResourceFailureException("mongo unreachable"),
        record(Topics.IDENTITY, "{}"), null, null);

    assertThat(done).as("not recovered: the container seeks back and retries after the back-off").isFalse();
    assertThat(producer.history()).isEmpty();
    assertThat(deadLetters.count()).isZero();
  }

  @Test
  void a_features_containers_read_from_the_beginning_and_commit_after_each_batch() {
    var factory = EventConsumers.deadLettering(new KafkaProperties(), template, deadLetters);

    assertThat(factory.getConsumerFactory().getConfigurationProperties())
        .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
        .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    assertThat(factory.getContainerProperties().getAckMode()).isEqualTo(ContainerProperties.AckMode.BATCH);
  }

  @Test
  void the_counter_is_one_per_service_whoever_registers_it() {
    Counter again = EventConsumers.deadLetterCounter(meters, "claraop.test.dead.letters");

    assertThat(again).isSameAs(deadLetters);
    assertThat(again.getId().getDescription()).isEqualTo("Records sent to a dead-letter topic");
  }

  @Test
  void each_topic_is_declared_with_its_partitions_and_a_one_partition_dead_letter_topic() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context.registerBean(KafkaAdmin.NewTopics.class,
          () -> EventConsumers.topicsWithDeadLetters(Topics.PAYOUT, Topics.RETENTION));
      context.refresh();
      // What the service's KafkaAdmin finds in its context and creates on the broker.
      var admin = new KafkaAdmin(Map.of()) {
        Collection<NewTopic> declared() {
          return newTopics();
        }
      };
      admin.setApplicationContext(context);

      assertThat(admin.declared())
          .extracting(NewTopic::name, NewTopic::numPartitions)
          .containsExactlyInAnyOrder(
              tuple("payout.events", Topics.PARTITIONS),
              tuple("payout.events.DLT", 1),
              tuple("retention.events", Topics.PARTITIONS),
              tuple("retention.events.DLT", 1));
    }
  }
}
