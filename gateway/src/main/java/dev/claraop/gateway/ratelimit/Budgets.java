package dev.claraop.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * Where budgets are kept: Spring Cloud Gateway's Redis limiter (one budget across every instance) or
 * Bucket4j in this process. When Redis fails, its limiter lets every request through; we fall back to the
 * in-process buckets instead, so an outage of Redis loosens the limits to one budget per instance but
 * never lifts them. Each fallback is counted.
 */
public final class Budgets {

  /** A policy's name, the caller's key; answers whether one more request fits. */
  interface Store {
    Mono<RateLimiter.Response> take(String policy, String key);
  }

  static Store inProcess(Map<String, RateLimitPolicy> policies, ConfigurationService configuration) {
    var buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(200_000))
        // A bucket that has refilled to full is the same as no bucket, so it may be forgotten then.
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
        .build().asAsync();
    var limiter = new Bucket4jRateLimiter(buckets, configuration);
    policies.forEach((name, policy) -> limiter.getConfig().put(name, policy.inProcess()));
    return limiter::isAllowed;
  }

  static Store redisWithFallback(RedisRateLimiter redis, Map<String, RateLimitPolicy> policies, Store fallback,
      MeterRegistry meters) {
    policies.forEach((name, policy) -> redis.getConfig().put(name, policy.redis()));
    var failures = storeFailures(meters);
    return (policy, key) -> redis.isAllowed(policy, key).flatMap(response -> {
      // The Redis limiter reports a failed call as "allowed, -1 remaining".
      if (!"-1".equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) return Mono.just(response);
      failures.increment();
      return fallback.take(policy, key);
    });
  }

  /** Registered at 0 whatever the store, so dashboards and alerts find the series on every gateway. */
  static Counter storeFailures(MeterRegistry meters) {
    return meters.counter("claraop.gateway.rate.limit.store.failures");
  }

  private Budgets() {}
}
