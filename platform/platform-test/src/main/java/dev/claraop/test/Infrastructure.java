package dev.claraop.test;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at the shared fixtures. Call from a {@code @DynamicPropertySource}. */
public final class Infrastructure {

  /** Mongo (a database of its own per context, so contexts do not see each other's data) and Kafka. */
  public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
    String database = databasePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    registry.add("spring.mongodb.uri", () -> MongoFixture.uri() + "/" + database);
    registry.add("spring.mongodb.database", () -> database);
    registry.add("spring.kafka.bootstrap-servers", KafkaFixture::bootstrapServers);
    registry.add(PROMETHEUS_EXPORT, () -> "true");
  }

  /** Spring Boot turns metric export off in tests; the service contract checks the Prometheus endpoint. */
  public static final String PROMETHEUS_EXPORT = "management.prometheus.metrics.export.enabled";

  private Infrastructure() {}
}
