package dev.claraop.ingest;

import dev.claraop.events.Topics;
import dev.claraop.platform.outbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic this service publishes to, made on start with its partitions; making an existing topic is a no-op. */
@Configuration(proxyBeanMethods = false)
class IngestTopics {

  @Bean
  KafkaAdmin.NewTopics ingestEventTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.INGEST);
  }
}
