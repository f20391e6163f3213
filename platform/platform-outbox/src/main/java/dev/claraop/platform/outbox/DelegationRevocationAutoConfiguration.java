package dev.claraop.platform.outbox;

import dev.claraop.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Revoked delegations stop working within seconds, in a token issued before the revocation (DESIGN §3, issue 3):
 * every instance of a service reads {@code identity.events} itself, as a broadcast, into a
 * {@link DelegationRevocationProjection} that platform-security's token conversion consults.
 *
 * <p>The consumer group is this instance's alone ({@code <application>-revocations-<random>}) and starts at the
 * earliest offset, so each instance reads every revocation, also those published before it started; it commits
 * nothing, as the next start reads the topic again anyway. On wherever spring-kafka and a bootstrap are;
 * {@code claraop.security.delegation-revocations.enabled=false} turns it off (then only expiry ends a delegation
 * inside a live token).
 *
 * <p>Until it has read the topic up to where it ended when the partitions were assigned, the projection refuses
 * every delegation ({@link DelegationRevocationProjection}); the gauge {@code claraop.security.revocations.caught.up}
 * says whether it has.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(ConcurrentMessageListenerContainer.class)
@ConditionalOnBean(KafkaProperties.class)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
@ConditionalOnBooleanProperty(name = DelegationRevocationAutoConfiguration.ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(DelegationRevocationSettings.class)
public class DelegationRevocationAutoConfiguration {

  public static final String ENABLED = "claraop.security.delegation-revocations.enabled";
  static final String GAUGE = "claraop.security.revoked.delegations";
  static final String CAUGHT_UP_GAUGE = "claraop.security.revocations.caught.up";

  @Bean
  DelegationRevocationProjection revokedDelegations(DelegationRevocationSettings settings, ObjectProvider<Clock> clock,
      ObjectProvider<MeterRegistry> meters) {
    DelegationRevocationProjection revocations =
        new DelegationRevocationProjection(clock.getIfUnique(Clock::systemUTC), settings.longestDelegation());
    meters.ifAvailable(registry -> Gauge.builder(GAUGE, revocations, DelegationRevocationProjection::size)
        .description("Revoked delegations this instance refuses in tokens that still carry them").register(registry));
    meters.ifAvailable(registry -> Gauge.builder(CAUGHT_UP_GAUGE, revocations, r -> r.caughtUp() ? 1 : 0)
        .description("1 once this instance has read identity.events up to its end at assignment; 0 while it refuses "
            + "every delegation").register(registry));
    return revocations;
  }

  /** Started with the context, stopped with it; a failure to reach Kafka is retried by the consumer itself. */
  @Bean
  ConcurrentMessageListenerContainer<String, String> delegationRevocationListener(KafkaProperties kafka,
      Environment environment, DelegationRevocationProjection revocations) {
    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, environment.getProperty("spring.application.name", "claraop")
        + "-revocations-" + UUID.randomUUID());
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    ContainerProperties properties = new ContainerProperties(Topics.IDENTITY);
    // Manual acknowledgement that never comes: no offset is ever committed for this throwaway group.
    properties.setAckMode(ContainerProperties.AckMode.MANUAL);
    properties.setMessageListener((AcknowledgingMessageListener<String, String>)
        (ConsumerRecord<String, String> record, org.springframework.kafka.support.Acknowledgment ack) ->
            revocations.on(record));
    properties.setConsumerRebalanceListener(catchingUp(revocations));
    ConcurrentMessageListenerContainer<String, String> container =
        new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumer), properties);
    container.setBeanName("delegation-revocations");
    return container;
  }

  /**
   * Tells the projection, at each assignment, how far each partition just assigned reaches now. Called on the
   * consumer's thread, after it has handed every record it returned before to the listener, so the position is
   * what has been read.
   */
  static ConsumerAwareRebalanceListener catchingUp(DelegationRevocationProjection revocations) {
    return new ConsumerAwareRebalanceListener() {
      @Override
      public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
        revocations.assigned(consumer.assignment(), positions, ends);
      }
    };
  }
}
