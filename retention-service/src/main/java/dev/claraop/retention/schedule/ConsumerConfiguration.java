package dev.claraop.retention.schedule;

import dev.claraop.events.EventCodec;
import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
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
class ConsumerConfiguration {

  /**
   * A closing that cannot be read or scheduled (no tenant, no closedAt) goes to {@code payout.events.DLT} at once
   * and is counted; the consumer moves on. Anything else (Mongo unreachable) is retried with back-off, never skipped.
   */
  @Bean
  DefaultErrorHandler retentionErrorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    Counter deadLetters = Counter.builder("claraop.retention.dead.letters")
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

  /** The topics this service reads and writes, with their dead-letter topics; creating an existing one is a no-op. */
  @Bean
  KafkaAdmin.NewTopics retentionTopics() {
    return new KafkaAdmin.NewTopics(Stream.of(Topics.PAYOUT, Topics.RETENTION)
        .flatMap(topic -> Stream.of(TopicBuilder.name(topic).partitions(Topics.PARTITIONS).build(),
            TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(1).build()))
        .toArray(NewTopic[]::new));
  }
}
