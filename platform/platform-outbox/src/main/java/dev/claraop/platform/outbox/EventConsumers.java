package dev.claraop.platform.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
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
    factory.setCommonErrorHandler(errorHandler(template, deadLetters));
    return factory;
  }

  /**
   * The error handling alone: an unreadable or invalid record ({@link EventCodec.UnreadableEvent},
   * {@link IllegalArgumentException}) to {@code <topic>.DLT} at once, counted; anything else retried, 500 ms doubling
   * up to 30 s apart, never skipped. As a bean it is what Boot's own listener container factory uses.
   */
  public static DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template, Counter deadLetters) {
    DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(template, (record, failure) -> {
      deadLetters.increment();
      return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
    });
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(toDeadLetters, backOff);
    handler.addNotRetryableExceptions(EventCodec.UnreadableEvent.class, IllegalArgumentException.class);
    return handler;
  }

  /**
   * A service's dead-letter counter. Every consumer of the service registers it under the same name, so Micrometer
   * hands back one instance and the service has one count.
   */
  public static Counter deadLetterCounter(MeterRegistry meters, String meterName) {
    return Counter.builder(meterName).description("Records sent to a dead-letter topic").register(meters);
  }

  /**
   * The topics a consumer reads ({@link Topics#PARTITIONS} partitions each) and their dead-letter topics (one each).
   * Declaring a topic that exists is a no-op, so a consumer declares its producer's topics without an order between
   * services, and the DLT exists before the first record is dead-lettered.
   */
  public static KafkaAdmin.NewTopics topicsWithDeadLetters(String... topics) {
    return new KafkaAdmin.NewTopics(Arrays.stream(topics)
        .flatMap(topic -> Stream.of(TopicBuilder.name(topic).partitions(Topics.PARTITIONS).build(),
            TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(1).build()))
        .toArray(NewTopic[]::new));
  }

  private EventConsumers() {}
}
