package dev.claraop.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The relay, in every service that has Mongo and Kafka and this module; it idles while no collection is listed. */
@AutoConfiguration(afterName = {
    "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
    "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBean({MongoTemplate.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxSettings.class)
@EnableScheduling
public class OutboxAutoConfiguration {

  @Bean
  OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxSettings settings,
      MeterRegistry meters) {
    return new OutboxRelay(mongo, kafka, settings, meters);
  }

  /** Where platform-security stores each staff read's event, in services that serve reads under support grants. */
  @Bean
  @ConditionalOnProperty(name = "claraop.outbox.staff-reads", havingValue = "true")
  StaffReadOutbox staffReads(MongoTemplate mongo) {
    return new StaffReadOutbox(mongo);
  }
}
