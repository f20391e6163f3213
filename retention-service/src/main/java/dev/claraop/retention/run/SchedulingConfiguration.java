package dev.claraop.retention.run;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily purge and the outbox relay run on Spring's scheduler; the purge is locked across instances on Mongo. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
class SchedulingConfiguration {

  @Bean
  LockProvider lockProvider(MongoTemplate mongo) {
    return new MongoLockProvider(mongo.getDb());
  }
}
