package dev.claraop.identity.events;

import dev.claraop.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** identity-service owns {@code identity.events}, keyed by subject (pod, user, tenant). */
@Configuration(proxyBeanMethods = false)
class IdentityTopics {

  @Bean
  NewTopic identityEvents() {
    return TopicBuilder.name(Topics.IDENTITY).partitions(Topics.PARTITIONS).build();
  }
}
