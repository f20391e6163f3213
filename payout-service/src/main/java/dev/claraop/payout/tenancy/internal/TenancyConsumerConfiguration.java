package dev.claraop.payout.tenancy.internal;

import dev.claraop.events.EventCodec;
import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class TenancyConsumerConfiguration {

  /**
   * A record that cannot be read or applied (unknown shape, no tenant) goes to {@code identity.events.DLT} at once
   * and is counted; the consumer moves on. Anything else (Mongo unreachable) is retried with back-off, never skipped.
   */
  @Bean
  DefaultErrorHandler tenancyErrorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    Counter deadLetters = Counter.builder("claraop.payout.dead.letters")
        .description("Records sent to a dead-letter topic").register(meters);
    DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(template,
        (record, failure) -> {
          deadLetters.increment();
          return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
        });
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters, backOff);
    handler.addNotRetryableExceptions(EventCodec.UnreadableEvent.class, IllegalArgumentException.class);
    return handler;
  }

  /** identity-service owns {@code identity.events}; creating an existing topic is a no-op, the DLT is ours to read. */
  @Bean
  KafkaAdmin.NewTopics identityTopics() {
    return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.IDENTITY).partitions(Topics.PARTITIONS).build(),
        TopicBuilder.name(Topics.deadLetterOf(Topics.IDENTITY)).partitions(1).build());
  }
}
