package dev.claraop.ingest;

import dev.claraop.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topic this service publishes to, made on start with its partitions; making an existing topic is a no-op. */
@Configuration(proxyBeanMethods = false)
class IngestTopics {

  @Bean
  KafkaAdmin.NewTopics ingestEventTopics() {
    return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.INGEST).partitions(Topics.PARTITIONS).build(),
        TopicBuilder.name(Topics.deadLetterOf(Topics.INGEST)).partitions(1).build());
  }
}
