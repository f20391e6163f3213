package dev.claraop.payout.tenancy.internal;

import dev.claraop.events.Topics;
import dev.claraop.platform.outbox.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class TenancyConsumerConfiguration {

  /**
   * A record that cannot be read or applied (unknown shape, no tenant) goes to {@code identity.events.DLT} at once
   * and is counted; the consumer moves on. Anything else (Mongo unreachable) is retried with back-off, never skipped.
   * As a bean it is the error handler of Boot's default listener container factory, which the tenancy listener uses.
   */
  @Bean
  DefaultErrorHandler tenancyErrorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    return EventConsumers.errorHandler(template,
        EventConsumers.deadLetterCounter(meters, "claraop.payout.dead.letters"));
  }

  /** identity-service owns {@code identity.events}; creating an existing topic is a no-op, the DLT is ours to read. */
  @Bean
  KafkaAdmin.NewTopics identityTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.IDENTITY);
  }
}
