package dev.claraop.platform.outbox;

import dev.claraop.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Account erasure in every service that declares an {@link ErasureParticipant}: its own listener container
 * ({@link EventConsumers}, so no other feature's error handler replaces it), {@code retention.events} and its DLT
 * declared (retention-service owns the topic; creating an existing one is a no-op, and the DLT must exist) and the
 * {@link ErasureListener}. A participant that answers through {@link ErasureConfirmations} makes its own: made here,
 * from the participant's name, it would depend on the participant that depends on it. retention-service coordinates
 * erasures rather than taking part, and reads the other services' topics with a container of its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBean(ErasureParticipant.class)
public class ErasureParticipationAutoConfiguration {

  /** The erasure listener's container factory. */
  public static final String LISTENERS = "erasureListeners";

  @Bean(LISTENERS)
  ConcurrentKafkaListenerContainerFactory<String, String> erasureListeners(ErasureParticipant participant,
      KafkaProperties kafka, KafkaTemplate<Object, Object> template, MeterRegistry meters) {
    // The service's one dead-letter counter: its other consumers register the same name, and Micrometer hands back one.
    return EventConsumers.deadLettering(kafka, template,
        EventConsumers.deadLetterCounter(meters, "claraop." + participant.service() + ".dead.letters"));
  }

  @Bean
  KafkaAdmin.NewTopics retentionEventTopics() {
    return EventConsumers.topicsWithDeadLetters(Topics.RETENTION);
  }

  @Bean
  ErasureListener erasureListener(ErasureParticipant participant, Environment environment) {
    return new ErasureListener(participant, environment.getProperty(
        "claraop." + participant.service() + ".erasures.listening", Boolean.class, true));
  }
}
