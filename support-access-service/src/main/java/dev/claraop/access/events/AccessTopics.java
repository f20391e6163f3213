package dev.claraop.access.events;

import dev.claraop.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** support-access-service owns {@code access.events}, keyed by grant id (one grant's events stay in order). */
@Configuration(proxyBeanMethods = false)
class AccessTopics {

  @Bean
  NewTopic accessEvents() {
    return TopicBuilder.name(Topics.ACCESS).partitions(Topics.PARTITIONS).build();
  }
}
