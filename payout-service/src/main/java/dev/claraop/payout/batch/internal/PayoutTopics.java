package dev.claraop.payout.batch.internal;

import dev.claraop.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** payout-service owns {@code payout.events}: keyed by batch id, so one batch's events stay in order. */
@Configuration(proxyBeanMethods = false)
class PayoutTopics {

  @Bean
  NewTopic payoutEvents() {
    return TopicBuilder.name(Topics.PAYOUT).partitions(Topics.PARTITIONS).build();
  }
}
