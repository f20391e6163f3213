package dev.claraop.retention.erasure;

import dev.claraop.events.Topics;
import dev.claraop.platform.outbox.EventConsumers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
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
    Counter deadLetters = Counter.builder("claraop.retention.dead.letters")
        .description("Records sent to a dead-letter topic").register(meters);
    return EventConsumers.deadLettering(kafka, template, deadLetters);
  }

  /** The other services' topics read here (creating an existing topic is a no-op), and their dead-letter topics. */
  @Bean
  KafkaAdmin.NewTopics erasureTopics() {
    return new KafkaAdmin.NewTopics(Stream.of(Topics.IDENTITY, Topics.INGEST, Topics.ACCESS)
        .flatMap(topic -> Stream.of(TopicBuilder.name(topic).partitions(Topics.PARTITIONS).build(),
            TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(1).build()))
        .toArray(NewTopic[]::new));
  }
}
