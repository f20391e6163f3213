package dev.claraop.audit.intake;

import dev.claraop.events.Topics;
import dev.claraop.platform.outbox.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

  /**
   * A record that cannot be read or mapped (an event type audit has no mapping for included) goes to
   * {@code <topic>.DLT} at once and is counted; the consumer moves on. Anything else (Mongo unreachable) is retried
   * with back-off and never skipped.
   */
  @Bean
  DefaultErrorHandler auditErrorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    DefaultErrorHandler handler = EventConsumers.errorHandler(template,
        EventConsumers.deadLetterCounter(meters, "claraop.audit.dead.letters"));
    handler.addNotRetryableExceptions(UnmappedEvent.class);
    return handler;
  }

  /** Every topic audit reads, with its dead-letter topic. */
  @Bean
  KafkaAdmin.NewTopics auditedTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.all().toArray(String[]::new));
  }
}
