package dev.claraop.ingest.erasure;

import dev.claraop.events.Actor;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.platform.outbox.ErasureConfirmations;
import dev.claraop.platform.outbox.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The erasure requests' own listener container (platform-outbox's {@link EventConsumers}): from the beginning of
 * {@code retention.events} on first start, offsets committed after handling, an unreadable request to
 * {@code retention.events.DLT} at once, anything else (Mongo down, a sync holding a mailbox) retried with back-off.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConsumerConfiguration {

  static final String FACTORY = "erasureListeners";

  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, String> erasureListeners(KafkaProperties kafka,
      KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    return EventConsumers.deadLettering(kafka, template,
        EventConsumers.deadLetterCounter(meters, "claraop.ingest.dead.letters"));
  }

  /** retention-service owns {@code retention.events}; creating an existing topic is a no-op, and the DLT must exist. */
  @Bean
  KafkaAdmin.NewTopics retentionEventTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.RETENTION);
  }

  /** Where this service records its answers to erasure requests and confirms them through the outbox. */
  @Bean
  ErasureConfirmations erasureConfirmations(MongoTemplate mongo, Clock clock) {
    return new ErasureConfirmations(mongo, clock, ErasureServices.INGEST, Actor.system("gmail-ingest-service"));
  }
}
