package dev.claraop.retention.erasure;

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
 * The erasure consumers' own listener container: from the beginning on first start, offsets committed after each
 * polled batch is stored, a record that cannot be read or applied to {@code <topic>.DLT} at once (counted with the
 * service's other dead letters), anything else (Mongo unreachable) retried with back-off, never skipped.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConsumerConfiguration {

  static final String FACTORY = "erasureListeners";

  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, String> erasureListeners(KafkaProperties kafka,
      KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    // The same meter as the batch closings' (same name, no tags): one dead-letter count for the service.
    return EventConsumers.deadLettering(kafka, template,
        EventConsumers.deadLetterCounter(meters, "claraop.retention.dead.letters"));
  }

  /** The other services' topics read here (creating an existing topic is a no-op), and their dead-letter topics. */
  @Bean
  KafkaAdmin.NewTopics erasureTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.IDENTITY, Topics.INGEST, Topics.ACCESS);
  }
}
