package dev.claraop.payout.erasure;

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
 * The erasure consumer's own listener container (platform-outbox's {@link EventConsumers}): from the beginning of
 * {@code retention.events} on first start, offsets committed after each handled batch, an unreadable or invalid
 * request to {@code retention.events.DLT} at once (counted with the service's other dead letters), anything else
 * retried with back-off.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConsumerConfiguration {

  static final String FACTORY = "erasureListeners";

  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, String> erasureListeners(KafkaProperties kafka,
      KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    // The same counter the other consumers register (same name): Micrometer hands back the one instance.
    return EventConsumers.deadLettering(kafka, template,
        EventConsumers.deadLetterCounter(meters, "claraop.payout.dead.letters"));
  }

  /** retention-service owns {@code retention.events}; creating an existing topic is a no-op, the DLT is ours to read. */
  @Bean
  KafkaAdmin.NewTopics retentionEventTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.RETENTION);
  }
}
