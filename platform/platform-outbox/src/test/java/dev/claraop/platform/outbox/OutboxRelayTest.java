package dev.claraop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.access.StaffRead;
import dev.claraop.platform.security.StaffReads;
import dev.claraop.platform.web.TraceParent;
import dev.claraop.test.Infrastructure;
import dev.claraop.test.KafkaRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The relay against the Mongo stand-in and a real Kafka broker, as a service's context gets it. */
@SpringBootTest(classes = OutboxRelayTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "claraop.outbox.collections=things",
    "claraop.outbox.poll-interval=100ms",
    "claraop.outbox.published-counter=claraop.things.events.published",
    "claraop.outbox.staff-reads=true"})
class OutboxRelayTest {

  @Configuration(proxyBeanMethods = false)
  // platform-test brings platform-security along; the relay needs no web or security.
  @EnableAutoConfiguration(excludeName = "dev.claraop.platform.security.ServiceSecurityAutoConfiguration")
  static class App {}

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "outbox");
  }

  @Autowired MongoTemplate mongo;
  @Autowired MeterRegistry meters;
  @Autowired Tracer tracer;

  @Test
  void publishes_a_documents_events_in_order_then_removes_them() {
    String topic = "things-" + UUID.randomUUID();
    String id = UUID.randomUUID().toString();
    mongo.insert(new Document("_id", id).append("name", "first").append(EventOutbox.FIELD, List.of(
        record(topic, id, "e1"), record(topic, id, "e2"))), "things");
    mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
        EventOutbox.pushingAll(new Update().set("name", "second"), List.of(record(topic, id, "e3"))), "things");

    List<ConsumerRecord<String, String>> published = KafkaRecords.read(topic, r -> true, 3, Duration.ofSeconds(20));

    assertThat(published).extracting(ConsumerRecord::value).containsExactly("e1", "e2", "e3");
    assertThat(published).extracting(ConsumerRecord::key).containsOnly(id);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(mongo.findById(id, Document.class, "things").getList(EventOutbox.FIELD, Document.class)).isEmpty());
    assertThat(meters.get("claraop.things.events.published").counter().count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void a_record_kafka_refuses_stays_and_holds_back_the_ones_behind_it() {
    String topic = "things-" + UUID.randomUUID();
    String id = UUID.randomUUID().toString();
    // A topic name Kafka refuses: the send fails every round, as it would while the broker is away.
    mongo.insert(new Document("_id", id).append(EventOutbox.FIELD, List.of(
        record("not a topic!", id, "stuck"), record(topic, id, "behind"))), "things");

    List<ConsumerRecord<String, String>> published = KafkaRecords.read(topic, r -> true, 1, Duration.ofSeconds(3));

    assertThat(published).isEmpty();
    assertThat(mongo.findById(id, Document.class, "things").getList(EventOutbox.FIELD, Document.class))
        .extracting(d -> d.getString("json")).containsExactly("stuck", "behind");
  }

  @Test
  void the_record_continues_the_trace_of_the_request_that_wrote_it() {
    String topic = "things-" + UUID.randomUUID();
    String id = UUID.randomUUID().toString();
    Span request = tracer.nextSpan().name("request").start();
    OutboxRecord written;
    try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
      assertThat(TraceParent.current())
          .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
      written = new OutboxRecord(UUID.randomUUID().toString(), topic, id, "traced", TraceParent.current());
    } finally {
      request.end();
    }
    assertThat(TraceParent.current()).isNull(); // the relay's thread is in no request
    mongo.insert(new Document("_id", id).append(EventOutbox.FIELD, List.of(written)), "things");

    ConsumerRecord<String, String> published = KafkaRecords.read(topic, r -> true, 1, Duration.ofSeconds(20)).getFirst();

    String traceparent = new String(published.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    assertThat(traceparent).startsWith("00-" + request.context().traceId() + "-");
    // a child span (the publish) under the request's trace, not the request's own span
    assertThat(traceparent.split("-")[2]).isNotEqualTo(request.context().spanId());
  }

  @Test
  void a_staff_read_is_stored_by_reference_and_published_to_access_events(@Autowired StaffReads reads) {
    String grant = "grant-" + UUID.randomUUID();
    EventEnvelope read = new EventCodec().envelope(EventTypes.ACCESS_STAFF_READ, UUID.randomUUID(), Instant.now(),
        "t-1", Actor.staff("engineer-1", grant), grant, "req-1", null, new StaffRead(grant, "engineer-1",
            "SUPPORT_TICKET", "T-1", List.of("admin-1"), List.of("PAYOUTS_READ"), "GET", "/api/batches", 200, null,
            Instant.now()));

    reads.record(read);

    assertThat(KafkaRecords.read(Topics.ACCESS, r -> r.value().contains(read.eventId().toString()), 1,
        Duration.ofSeconds(20))).hasSize(1);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mongo.findById(read.eventId().toString(),
        Document.class, StaffReadOutbox.COLLECTION).getList(EventOutbox.FIELD, Document.class)).isEmpty());
  }

  private static OutboxRecord record(String topic, String key, String json) {
    return new OutboxRecord(UUID.randomUUID().toString(), topic, key, json);
  }
}
