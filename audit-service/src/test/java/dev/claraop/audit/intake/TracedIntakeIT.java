package dev.claraop.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.audit.AuditIntegrationTest;
import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.test.KafkaFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The audit append ends the trace of the request that caused the event: its log line carries that trace id. */
@ExtendWith(OutputCaptureExtension.class)
class TracedIntakeIT extends AuditIntegrationTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void the_append_is_logged_in_the_trace_of_the_records_traceparent(CapturedOutput output) throws Exception {
    String trace = UUID.randomUUID().toString().replace("-", "");
    String batchId = "batch-" + UUID.randomUUID();
    EventEnvelope event = codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED, UUID.randomUUID(), Instant.now(),
        "t-traced", Actor.user("admin-1"), batchId, "req-traced", null,
        new BatchGenerated(batchId, "USD", 1, new BigDecimal("1.00"), "admin-1"));
    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PAYOUT, batchId, codec.write(event));
    record.headers().add("traceparent", ("00-" + trace + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
    // A plain producer, as another service's would arrive: the context's own template would add a traceparent of
    // the test thread's trace.
    try (var producer = new KafkaProducer<String, String>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer.send(record).get();
    }

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains(event.eventId().toString()));
    String line = output.getOut().lines().filter(l -> l.contains("audit entry appended")
        && l.contains(event.eventId().toString())).findFirst().orElseThrow();
    // Tests log plain text (platform-test's logback-test.xml); the services' JSON lines carry the same MDC traceId.
    assertThat(line).contains("trace=" + trace).contains("req-traced");
  }
}
