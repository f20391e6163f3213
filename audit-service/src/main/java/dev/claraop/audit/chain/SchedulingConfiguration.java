package dev.claraop.audit.chain;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled sealing runs once across instances (ShedLock on Mongo); tests turn the schedule off and call it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@ConditionalOnProperty(name = "claraop.audit.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

  @Bean
  LockProvider lockProvider(MongoTemplate mongo) {
    return new MongoLockProvider(mongo.getDb());
  }
}
