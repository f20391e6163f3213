package dev.claraop.retention.schedule;

import dev.claraop.events.Topics;
import dev.claraop.platform.outbox.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

  /**
   * A closing that cannot be read or scheduled (no tenant, no closedAt) goes to {@code payout.events.DLT} at once
   * and is counted; the consumer moves on. Anything else (Mongo unreachable) is retried with back-off, never skipped.
   * As a bean it is the error handler of Boot's default listener container factory, which the closings use.
   */
  @Bean
  DefaultErrorHandler retentionErrorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    return EventConsumers.errorHandler(template,
        EventConsumers.deadLetterCounter(meters, "claraop.retention.dead.letters"));
  }

  /** The topics this service reads and writes, with their dead-letter topics; creating an existing one is a no-op. */
  @Bean
  KafkaAdmin.NewTopics retentionTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.PAYOUT, Topics.RETENTION);
  }
}
