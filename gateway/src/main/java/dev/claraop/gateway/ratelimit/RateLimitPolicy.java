package dev.claraop.gateway.ratelimit;

import java.time.Duration;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * A token bucket said the way people say limits: {@code requests} per {@code per}, with up to {@code burst}
 * at once. Translated exactly into both stores' terms, so a budget means the same in-process and in Redis.
 *
 * @param requests requests allowed per period, on average
 * @param per the period, in whole seconds
 * @param burst requests allowed back to back after a quiet spell
 */
public record RateLimitPolicy(int requests, Duration per, int burst) {

  public RateLimitPolicy {
    if (requests < 1 || burst < 1) throw new IllegalArgumentException("requests and burst must be at least 1");
    if (per.toSeconds() < 1 || per.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("the period must be whole seconds");
    }
  }

  /**
   * Redis's script refills {@code replenishRate} tokens a second and charges {@code requestedTokens} a
   * request, both integers: charging one request a period's worth of seconds and refilling {@code requests}
   * a second gives exactly {@code requests} per {@code per} (5 per 15 minutes: 5/s, 900 a request, 4500).
   */
  RedisRateLimiter.Config redis() {
    int cost = Math.toIntExact(per.toSeconds());
    return new RedisRateLimiter.Config()
        .setReplenishRate(requests)
        .setRequestedTokens(cost)
        .setBurstCapacity((long) burst * cost);
  }

  Bucket4jRateLimiter.Config inProcess() {
    return new Bucket4jRateLimiter.Config()
        .setCapacity(burst)
        .setRefillTokens((long) requests)
        .setRefillPeriod(per)
        .setRequestedTokens(1);
  }

  /** How long until the bucket holds one more request, which is what a refused caller should wait. */
  Duration retryAfter() {
    return Duration.ofSeconds(Math.ceilDiv(per.toSeconds(), requests));
  }
}
