package dev.claraop.payout.campaign.internal;

import dev.claraop.events.EventCodec;
import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The campaign drafts' own listener container: it reads {@code ingest.events} from the beginning on first start and
 * commits offsets after each polled batch is written, whatever the service's other consumers are set to. Its error
 * handler is no bean, so it neither replaces nor competes with another feature's.
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
    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);

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
    factory.setCommonErrorHandler(handler);
    return factory;
  }

  /** gmail-ingest-service owns {@code ingest.events}; creating an existing topic is a no-op, the DLT is ours to read. */
  @Bean
  KafkaAdmin.NewTopics ingestEventTopics() {
    return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.INGEST).partitions(Topics.PARTITIONS).build(),
        TopicBuilder.name(Topics.deadLetterOf(Topics.INGEST)).partitions(1).build());
  }
}
