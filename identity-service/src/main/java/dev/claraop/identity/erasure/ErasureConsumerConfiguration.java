package dev.claraop.identity.erasure;

import dev.claraop.events.Topics;
import dev.claraop.platform.outbox.EventConsumers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The erasure listener's own container: {@code retention.events} from the beginning on first start, offsets committed
 * after handling, an unreadable request to {@code retention.events.DLT} (counted), anything else (Keycloak or Mongo
 * unreachable) retried with back-off and never skipped.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConsumerConfiguration {

  static final String FACTORY = "erasureListeners";

  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, String> erasureListeners(KafkaProperties kafka,
      KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    Counter deadLetters = Counter.builder("claraop.identity.dead.letters")
        .description("Records sent to a dead-letter topic").register(meters);
    return EventConsumers.deadLettering(kafka, template, deadLetters);
  }

  /** retention-service owns {@code retention.events}; creating an existing topic is a no-op. */
  @Bean
  KafkaAdmin.NewTopics retentionEventTopics() {
    return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.RETENTION).partitions(Topics.PARTITIONS).build(),
        TopicBuilder.name(Topics.deadLetterOf(Topics.RETENTION)).partitions(1).build());
  }
}
