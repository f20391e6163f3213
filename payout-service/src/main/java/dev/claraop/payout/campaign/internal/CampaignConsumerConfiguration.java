package dev.claraop.payout.campaign.internal;

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
 * The campaign drafts' own listener container (platform-outbox's {@link EventConsumers}): it reads
 * {@code ingest.events} from the beginning on first start and commits offsets after each polled batch is written,
 * whatever the service's other consumers are set to. Its error handler is no bean, so it neither replaces nor
 * competes with another feature's.
 */
@Configuration(proxyBeanMethods = false)
class CampaignConsumerConfiguration {

  static final String FACTORY = "campaignDraftListeners";

  /**
   * A record that cannot be read or drafted (unknown shape, no tenant or thread) goes to {@code ingest.events.DLT}
   * at once and is counted; anything else (Mongo unreachable) is retried with back-off, never skipped.
   */
  @Bean(FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, String> campaignDraftListeners(KafkaProperties kafka,
      KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    return EventConsumers.deadLettering(kafka, template,
        EventConsumers.deadLetterCounter(meters, "claraop.payout.dead.letters"));
  }

  /** gmail-ingest-service owns {@code ingest.events}; creating an existing topic is a no-op, the DLT is ours to read. */
  @Bean
  KafkaAdmin.NewTopics ingestEventTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.INGEST);
  }
}
