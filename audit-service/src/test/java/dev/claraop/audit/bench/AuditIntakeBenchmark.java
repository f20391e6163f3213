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
import dev.claraop.test.Figures;
import dev.claraop.test.MongoFixture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

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
 * Figures on the Mongo stand-in are a floor, not MongoDB's (REFERENCES.md). The run ends with one line of JSON holding
 * every figure; {@code AuditIntakeBenchmarkTest} runs it at 200 events and 20 events/s for 2 s in every build.
 */
public final class AuditIntakeBenchmark {

  public static void main(String[] args) throws Exception {
    Figures figures = run(Integer.getInteger("bench.events", 200_000), Integer.getInteger("bench.rate", 500),
        Integer.getInteger("bench.seconds", 60));
    System.out.println(figures.json());
    System.exit(0);
  }

  /**
   * Pre-fills {@code events}, reads them raw, lets a fresh audit-service append them, then sends {@code steadyRate}
   * events a second for {@code steadySeconds}. Runs beside other users of the shared fixtures: its tenants are its
   * own, its audit-service reads in a consumer group and a database of its own and is closed before this returns.
   */
  public static Figures run(int events, int steadyRate, int steadySeconds) throws Exception {
    String kafka = KafkaFixture.bootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String database = "audit-bench-" + run;
    String backlogTenants = "bench-" + run + "-";
    String steadyTenants = "steady-" + run + "-";
    EventCodec codec = new EventCodec();
    Figures figures = new Figures("AuditIntakeBenchmark").with("events", events);

    try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      admin.createTopics(List.of(new NewTopic(Topics.PAYOUT, Topics.PARTITIONS, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) throw e; // an earlier run or test made it
    }
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      long started = System.nanoTime();
      for (int i = 0; i < events; i++) {
        producer.send(record(codec, backlogTenants + (i % 50), Instant.now()));
      }
      producer.flush();
      figures.with("prefillSeconds", seconds(started));
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
    figures.with("rawRecordsPerSecond", read / rawSeconds);
    System.out.printf("reference, raw consumer: %,d records in %.1f s = %,.0f records/s%n", read, rawSeconds, read / rawSeconds);

    long appStarted = System.nanoTime();
    SpringApplication application = new SpringApplication(AuditServiceApplication.class);
    application.addInitializers(context -> context.getBeanFactory().registerSingleton("benchIntakeGroup",
        new OwnConsumerGroup("audit-bench-" + run)));
    try (ConfigurableApplicationContext audit = application.run(
        "--spring.mongodb.uri=" + MongoFixture.uri() + "/" + database, "--spring.mongodb.database=" + database,
        "--spring.kafka.bootstrap-servers=" + kafka, "--server.port=0", "--claraop.audit.scheduling.enabled=false",
        "--logging.level.root=WARN")) {
      String group = audit.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("audit-intake").getGroupId();
      if (!group.equals("audit-bench-" + run)) throw new IllegalStateException("the intake reads in group " + group);
      MongoTemplate mongo = audit.getBean(MongoTemplate.class);
      Counter counter = audit.getBean(MeterRegistry.class).counter("claraop.audit.entries.appended");
      // The counter is cheap to read but also counts what other runs left on the topics; the entries decide.
      awaitEntries(mongo, counter, backlogTenants, events, events);
      double appendSeconds = seconds(appStarted);
      double appendedPerSecond = events / appendSeconds;
      figures.with("appendedPerSecond", appendedPerSecond).with("appendedPercentOfRaw", 100 * appendedPerSecond / (read / rawSeconds));
      System.out.printf("audit intake: %,d entries in %.1f s (start-up included) = %,.0f entries/s (%.0f%% of raw)%n",
          events, appendSeconds, appendedPerSecond, 100 * appendedPerSecond / (read / rawSeconds));

      int steadyEvents = steadyRate * steadySeconds;
      long countedBeforeSteady = (long) counter.count();
      try (KafkaProducer<String, String> producer = producer(kafka)) {
        long interval = TimeUnit.SECONDS.toNanos(1) / steadyRate;
        long next = System.nanoTime();
        for (int i = 0; i < steadyEvents; i++) {
          while (System.nanoTime() < next) Thread.onSpinWait();
          next += interval;
          producer.send(record(codec, steadyTenants + (i % 50), Instant.now()));
        }
      }
      awaitEntries(mongo, counter, steadyTenants, steadyEvents, countedBeforeSteady + steadyEvents);
      List<Long> lags = new ArrayList<>();
      for (AuditEntry entry : mongo.find(query(where("tenantId").regex("^" + steadyTenants)), AuditEntry.class)) {
        lags.add(Duration.between(entry.occurredAt(), entry.recordedAt()).toMillis());
      }
      Collections.sort(lags);
      figures.with("steadyRate", steadyRate).with("steadySeconds", steadySeconds).with("steadyAppended", lags.size())
          .with("steadyLagP50Ms", lags.get(lags.size() / 2)).with("steadyLagP99Ms", lags.get((int) (lags.size() * 0.99)))
          .with("steadyLagMaxMs", lags.getLast());
      System.out.printf("steady %d events/s for %d s: %,d entries, lag p50 %d ms, p99 %d ms, max %d ms%n", steadyRate,
          steadySeconds, lags.size(), lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99)), lags.getLast());
    }
    return figures;
  }

  /** Polls the counter until it reaches {@code counted}, then the entries of the tenants until all are there. */
  private static void awaitEntries(MongoTemplate mongo, Counter counter, String tenantPrefix, long expected, long counted)
      throws InterruptedException {
    while (counter.count() < counted
        || mongo.count(query(where("tenantId").regex("^" + tenantPrefix)), AuditEntry.class) < expected) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  /**
   * The intake's listener names its consumer group; this run's audit-service reads in one of its own, so that it
   * neither shares partitions with another audit-service on the broker (a test context) nor starts at its offsets.
   */
  private record OwnConsumerGroup(String groupId)
      implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {
    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
      container.getContainerProperties().setGroupId(groupId);
    }
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
