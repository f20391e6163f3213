package dev.claraop.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Account erasure (DESIGN §6.6) as one erasing service sees it, with the test playing retention-service: requests and
 * confirmations go onto {@code retention.events} through the Kafka fixture, shaped as retention publishes them, and the
 * service's {@code <service>.user-data.erased} answers are read back from its own topic.
 */
public final class ErasureProtocol {

  public static final Actor RETENTION = Actor.system("retention-service");
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

  private final String service;
  private final EventType<UserDataErased> erased;
  private final EventCodec codec = new EventCodec();

  /** @param service the erasing service, as {@link ErasureServices} names it ({@code "ingest"}) */
  public ErasureProtocol(String service) {
    if (!ErasureServices.ALL.contains(service)) throw new IllegalArgumentException("no erasing service " + service);
    this.service = service;
    this.erased = EventTypes.USER_DATA_ERASED.get(service);
  }

  /**
   * A {@code retention.erasure.requested} as retention makes it, not yet published: subject the user, correlated by the
   * erasure id, occurring now.
   */
  public EventEnvelope newRequest(String tenantId, ErasureRequested request) {
    return retentionEvent(EventTypes.RETENTION_ERASURE_REQUESTED, tenantId, request.userId(), request.erasureId(),
        request);
  }

  /** Asks for an erasure: a {@linkplain #newRequest new request}, published; the request as sent. */
  public EventEnvelope request(String tenantId, ErasureRequested request) throws Exception {
    EventEnvelope event = newRequest(tenantId, request);
    publish(event);
    return event;
  }

  /** Tells identity-service that every service confirmed: a {@code retention.erasure.confirmed}, published. */
  public EventEnvelope confirm(String tenantId, ErasureConfirmed confirmed) throws Exception {
    EventEnvelope event = retentionEvent(EventTypes.RETENTION_ERASURE_CONFIRMED, tenantId, confirmed.userId(),
        confirmed.erasureId(), confirmed);
    publish(event);
    return event;
  }

  /** Publishes {@code event} on {@code retention.events} keyed by its subject, as retention does (again: redelivery). */
  public RecordMetadata publish(EventEnvelope event) throws Exception {
    return publish(event.subjectId(), event);
  }

  /** Publishes {@code event}, well-formed or not, on {@code retention.events} under {@code key}. */
  public RecordMetadata publish(String key, EventEnvelope event) throws Exception {
    return Producer.INSTANCE.send(new ProducerRecord<>(Topics.RETENTION, key, codec.write(event)))
        .get(10, TimeUnit.SECONDS);
  }

  /** The service's one confirmation of {@code request}, caused by it and naming its erasure, waiting 30 s for it. */
  public EventEnvelope confirmation(EventEnvelope request) {
    String erasureId = codec.data(request, EventTypes.RETENTION_ERASURE_REQUESTED).erasureId();
    String cause = request.eventId().toString();
    List<EventEnvelope> found = KafkaRecords.read(erased.topic(),
            r -> r.value().contains(erased.name()) && r.value().contains(cause), 1, ANSWER_WITHIN).stream()
        .map(r -> codec.read(r.value()))
        .filter(e -> e.type().equals(erased.name()))
        .toList();
    assertThat(found).as("one " + erased.name() + " of request " + cause).hasSize(1);
    EventEnvelope confirmation = found.getFirst();
    assertThat(confirmation.causationId()).isEqualTo(cause);
    assertThat(erased(confirmation).erasureId()).isEqualTo(erasureId);
    return confirmation;
  }

  /** The service's confirmations of {@code erasureId} in the order published, once {@code enough} or at the timeout. */
  public List<EventEnvelope> confirmations(String erasureId, int enough, Duration timeout) {
    return KafkaRecords.read(erased.topic(), r -> r.value().contains(erased.name())
            && r.value().contains("\"erasureId\":\"" + erasureId + "\""), enough, timeout).stream()
        .map(r -> codec.read(r.value()))
        .filter(e -> e.type().equals(erased.name()) && erased(e).erasureId().equals(erasureId))
        .toList();
  }

  /** What a confirmation says was erased. */
  public UserDataErased erased(EventEnvelope confirmation) {
    return codec.data(confirmation, erased);
  }

  /**
   * Waits until the service's erasure consumer (group {@code <service>-erasures}) has committed past {@code record},
   * that is, has handled it: how a test knows a request it expects no answer to was read.
   */
  public void awaitHandled(RecordMetadata record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    String group = service + "-erasures";
    try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        KafkaFixture.bootstrapServers()))) {
      Awaitility.await().atMost(ANSWER_WITHIN).until(() -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
            .get(partition);
        return committed != null && committed.offset() > record.offset();
      });
    }
  }

  private <T extends Record> EventEnvelope retentionEvent(EventType<T> type, String tenantId, String userId,
      String erasureId, T data) {
    return codec.envelope(type, UUID.randomUUID(), Instant.now(), tenantId, RETENTION, userId, erasureId, null, data);
  }

  /** One producer for the JVM, made on first use: a test publishes as an outside service would. */
  private static final class Producer {
    static final KafkaProducer<String, String> INSTANCE = start();

    private static KafkaProducer<String, String> start() {
      KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(5)),
          "erasure-protocol-producer-stop"));
      return producer;
    }
  }
}
