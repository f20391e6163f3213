package dev.claraop.ingest.google;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How every call to Google is made: inside the caller's quota budget (a rate limiter per Google user, charged in
 * Gmail quota units), through a circuit breaker per endpoint (a failing Google endpoint is left alone for a while
 * instead of being hammered), and retried with exponential backoff and jitter on 429 and 5xx only. A revoked grant
 * or an expired history is never retried.
 */
@Component
public class GoogleCalls {

  /** Gmail's documented quota units per method (REFERENCES.md). */
  public static final int LIST_UNITS = 5;
  public static final int GET_UNITS = 5;
  public static final int HISTORY_UNITS = 2;

  @ConfigurationProperties("claraop.google.resilience")
  public record ResilienceSettings(Integer maxAttempts, Duration firstBackoff, Integer unitsPerSecond,
      Duration quotaWait) {
    public ResilienceSettings {
      if (maxAttempts == null) maxAttempts = 5;
      if (firstBackoff == null) firstBackoff = Duration.ofMillis(500);
      // 80 units/s is 4,800 a minute: a third of Google's 15,000 per user, room for a second client of the user's.
      if (unitsPerSecond == null) unitsPerSecond = 80;
      if (quotaWait == null) quotaWait = Duration.ofSeconds(30);
    }
  }

  private final CircuitBreakerRegistry breakers;
  private final RateLimiterRegistry limiters;
  private final Retry retry;
  private final QuotaUse quota;

  GoogleCalls(ResilienceSettings settings, QuotaUse quota) {
    this.quota = quota;
    this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(30))
        // Only Google's own trouble counts against an endpoint; a user's revoked grant says nothing about Google.
        .recordException(e -> e instanceof GoogleRefusal r && r.kind() == GoogleRefusal.Kind.TRANSIENT)
        .build());
    this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitRefreshPeriod(Duration.ofSeconds(1)).limitForPeriod(settings.unitsPerSecond())
        .timeoutDuration(settings.quotaWait()).build());
    this.retry = Retry.of("google", RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), 2.0, 0.5))
        .retryOnException(e -> e instanceof GoogleRefusal r && r.kind() == GoogleRefusal.Kind.TRANSIENT)
        .build());
  }

  /** A call to {@code endpoint} costing {@code units} of {@code googleUser}'s quota (0 for OAuth calls). */
  public <T> T call(String endpoint, String googleUser, int units, Supplier<T> call) {
    CircuitBreaker breaker = breakers.circuitBreaker(endpoint);
    Supplier<T> guarded = () -> {
      if (units > 0) {
        RateLimiter limiter = limiters.rateLimiter(googleUser);
        if (!limiter.acquirePermission(units)) throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, endpoint, 429);
        quota.spent(endpoint, googleUser, units);
      }
      try {
        return breaker.executeSupplier(call);
      } catch (CallNotPermittedException open) {
        throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, endpoint, 503);
      }
    };
    return Retry.decorateSupplier(retry, guarded).get();
  }

  public CircuitBreaker.State breakerState(String endpoint) {
    return breakers.circuitBreaker(endpoint).getState();
  }
}
