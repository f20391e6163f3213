package dev.claraop.platform.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener containers for a feature's event consumer (DESIGN §7): it reads its topics from the beginning on first
 * start, commits offsets only after each polled batch is handled (a restart re-reads, never skips: handlers are
 * idempotent by event id), sends a record it cannot read to {@code <topic>.DLT} at once and counts it, and retries
 * anything else (Mongo or a peer unreachable) with back-off up to 30 s apart, never skipping it. Each feature
 * declares its own factory bean with this, so no error handler replaces or competes with another feature's.
 */
public final class EventConsumers {

  /** A container factory as above; {@code deadLetters} is the service's dead-letter counter. */
  public static ConcurrentKafkaListenerContainerFactory<String, String> deadLettering(KafkaProperties kafka,
      KafkaTemplate<Object, Object> template, Counter deadLetters) {
    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(template, (record, failure) -> {
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

  private EventConsumers() {}
}
