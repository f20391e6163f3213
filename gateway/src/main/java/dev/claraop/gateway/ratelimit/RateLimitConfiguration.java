package dev.claraop.gateway.ratelimit;

import dev.claraop.gateway.edge.KnownTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  @Bean
  @Order(0) // after Spring Security's chain (-100), so the caller is known
  RateLimits rateLimits(RateLimitSettings settings, ConfigurationService configuration,
      ObjectProvider<RedisRateLimiter> redis, MeterRegistry meters, KnownTokens known) {
    var policies = RateLimits.policies(settings);
    Budgets.storeFailures(meters);
    Budgets.Store inProcess = Budgets.inProcess(policies, configuration);
    Budgets.Store store = switch (settings.store()) {
      case IN_PROCESS -> inProcess;
      case REDIS -> Budgets.redisWithFallback(redis.getObject(), policies, inProcess, meters);
    };
    return new RateLimits(store, settings, meters, known);
  }

  /** Before Spring Security's chain (-100): an anonymous caller whose budget is spent costs no token check. */
  @Bean
  @Order(-200)
  WebFilter anonymousBudget(RateLimits rateLimits) {
    return rateLimits.beforeAuthentication();
  }
}
