package dev.claraop.identity.erasure;

import dev.claraop.events.Topics;
import dev.claraop.platform.outbox.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
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
    return EventConsumers.deadLettering(kafka, template,
        EventConsumers.deadLetterCounter(meters, "claraop.identity.dead.letters"));
  }

  /** retention-service owns {@code retention.events}; creating an existing topic is a no-op. */
  @Bean
  KafkaAdmin.NewTopics retentionEventTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.RETENTION);
  }
}
