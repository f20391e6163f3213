package dev.claraop.audit.bench;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.audit.AuditServiceApplication;
import dev.claraop.audit.entry.AuditEntry;
import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.test.KafkaFixture;
import dev.claraop.test.MongoFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Audit intake throughput and lag, side by side with the raw consumer rate, in one run (issue 5):
 * <ol>
 *   <li>pre-fill {@code payout.events} with N events (default 200,000) across 50 tenants;</li>
 *   <li>reference: a bare Kafka consumer reads them all and discards them;</li>
 *   <li>audit-service starts and appends them all (hash chain, Mongo stand-in): sustained append rate;</li>
 *   <li>a steady 500 events/s for 60 s: p50/p99 of recordedAt - occurredAt.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl audit-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.claraop.audit.bench.AuditIntakeBenchmark [-Dbench.events=200000]}.
 * Figures on the Mongo stand-in are a floor, not MongoDB's (REFERENCES.md).
 */
public final class AuditIntakeBenchmark {

  public static void main(String[] args) throws Exception {
    int events = Integer.getInteger("bench.events", 200_000);
    int steadyRate = Integer.getInteger("bench.rate", 500);
    int steadySeconds = Integer.getInteger("bench.seconds", 60);
    String kafka = KafkaFixture.bootstrapServers();
    String database = "audit-bench-" + UUID.randomUUID().toString().substring(0, 8);
    EventCodec codec = new EventCodec();

    try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      admin.createTopics(List.of(new NewTopic(Topics.PAYOUT, Topics.PARTITIONS, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      long started = System.nanoTime();
      for (int i = 0; i < events; i++) {
        producer.send(record(codec, "tenant-" + (i % 50), Instant.now()));
      }
      producer.flush();
      System.out.printf("pre-filled %,d events in %.1f s%n", events, seconds(started));
    }

    long rawStarted = System.nanoTime();
    long read = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
      consumer.subscribe(List.of(Topics.PAYOUT));
      while (read < events) read += consumer.poll(Duration.ofMillis(500)).count();
    }
    double rawSeconds = seconds(rawStarted);
    System.out.printf("reference, raw consumer: %,d records in %.1f s = %,.0f records/s%n", read, rawSeconds, read / rawSeconds);

    long appStarted = System.nanoTime();
    ConfigurableApplicationContext audit = new SpringApplication(AuditServiceApplication.class).run(
        "--spring.mongodb.uri=" + MongoFixture.uri() + "/" + database, "--spring.mongodb.database=" + database,
        "--spring.kafka.bootstrap-servers=" + kafka, "--server.port=0", "--claraop.audit.scheduling.enabled=false",
        "--logging.level.root=WARN");
    MongoTemplate mongo = audit.getBean(MongoTemplate.class);
    io.micrometer.core.instrument.Counter counter =
        audit.getBean(io.micrometer.core.instrument.MeterRegistry.class).counter("claraop.audit.entries.appended");
    long appended;
    while ((appended = (long) counter.count()) < events) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    double appendSeconds = seconds(appStarted);
    System.out.printf("audit intake: %,d entries in %.1f s (start-up included) = %,.0f entries/s (%.0f%% of raw)%n",
        appended, appendSeconds, appended / appendSeconds, 100 * (appended / appendSeconds) / (read / rawSeconds));

    List<String> steadyIds = new ArrayList<>();
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      long interval = TimeUnit.SECONDS.toNanos(1) / steadyRate;
      long next = System.nanoTime();
      for (int i = 0; i < steadyRate * steadySeconds; i++) {
        while (System.nanoTime() < next) Thread.onSpinWait();
        next += interval;
        ProducerRecord<String, String> record = record(codec, "steady-" + (i % 50), Instant.now());
        steadyIds.add(codec.read(record.value()).eventId().toString());
        producer.send(record);
      }
    }
    while (counter.count() < events + steadyIds.size()) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    List<Long> lags = new ArrayList<>();
    for (AuditEntry entry : mongo.find(query(where("tenantId").regex("^steady-")), AuditEntry.class)) {
      lags.add(Duration.between(entry.occurredAt(), entry.recordedAt()).toMillis());
    }
    Collections.sort(lags);
    System.out.printf("steady %d events/s for %d s: %,d entries, lag p50 %d ms, p99 %d ms, max %d ms%n", steadyRate,
        steadySeconds, lags.size(), lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99)), lags.getLast());
    audit.close();
    System.exit(0);
  }

  private static KafkaProducer<String, String> producer(String kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.LINGER_MS_CONFIG, 5));
  }

  private static ProducerRecord<String, String> record(EventCodec codec, String tenant, Instant at) {
    String batchId = UUID.randomUUID().toString();
    return new ProducerRecord<>(Topics.PAYOUT, batchId, codec.write(codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED,
        UUID.randomUUID(), at, tenant, Actor.user("bench-admin"), batchId, null, null,
        new BatchGenerated(batchId, "USD", 3, new BigDecimal("1234.50"), "bench-admin"))));
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private AuditIntakeBenchmark() {}
}
