package dev.claraop.payout.erasure;

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
    Counter deadLetters = Counter.builder("claraop.payout.dead.letters")
        .description("Records sent to a dead-letter topic").register(meters);
    return EventConsumers.deadLettering(kafka, template, deadLetters);
  }

  /** retention-service owns {@code retention.events}; creating an existing topic is a no-op, the DLT is ours to read. */
  @Bean
  KafkaAdmin.NewTopics retentionEventTopics() {
    return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.RETENTION).partitions(Topics.PARTITIONS).build(),
        TopicBuilder.name(Topics.deadLetterOf(Topics.RETENTION)).partitions(1).build());
  }
}
