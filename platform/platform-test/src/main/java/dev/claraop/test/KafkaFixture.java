package dev.claraop.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker for tests, started at most once per JVM and shared by every test class in it.
 * {@code CLARAOP_TEST_KAFKA_BOOTSTRAP} → an {@code apache/kafka} container → a real KRaft broker in this JVM.
 */
public final class KafkaFixture {

  private static String bootstrapServers;

  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) bootstrapServers = start();
    return bootstrapServers;
  }

  private static String start() {
    String given = Resolution.fromEnvironment("CLARAOP_TEST_KAFKA_BOOTSTRAP");
    if (given != null) return given;
    if (Resolution.dockerAvailable()) {
      KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
      container.start();
      return container.getBootstrapServers();
    }
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.brokerProperty("auto.create.topics.enable", "true");
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-fixture-stop"));
    return broker.getBrokersAsString();
  }

  private KafkaFixture() {}
}
