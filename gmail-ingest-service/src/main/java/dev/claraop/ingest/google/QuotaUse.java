package dev.claraop.ingest.google;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The Gmail quota units this service spends: a counter by endpoint (claraop_ingest_google_quota_units_total) and the
 * share of its per-user minute budget the busiest mailbox used in the last 60 seconds
 * (claraop_ingest_google_quota_used_ratio). The budget is the rate limiter's (units-per-second x 60: by default 4,800,
 * a third of Google's 15,000 per user and minute, REFERENCES.md, so the user's other clients keep the rest); near 1
 * the limiter starts holding this mailbox's calls back. Mailbox ids stay in memory here: no label carries one.
 */
@Component
public class QuotaUse {

  static final List<String> ENDPOINTS = List.of("profile", "messages.list", "messages.get", "history.list");

  private final Clock clock;
  private final long budgetPerMinute;
  private final Map<String, Counter> spent;
  private final Map<String, LastMinute> byUser = new ConcurrentHashMap<>();

  QuotaUse(GoogleCalls.ResilienceSettings settings, Clock clock, MeterRegistry meters) {
    this.clock = clock;
    this.budgetPerMinute = settings.unitsPerSecond() * 60L;
    this.spent = ENDPOINTS.stream().collect(Collectors.toUnmodifiableMap(e -> e,
        e -> Counter.builder("claraop.ingest.google.quota.units").tag("endpoint", e).baseUnit("units")
            .description("Gmail quota units spent, by Gmail method (every attempt, retries too)").register(meters)));
    Gauge.builder("claraop.ingest.google.quota.used.ratio", this, QuotaUse::busiestShare)
        .description("Share of the per-user minute quota budget used by the busiest mailbox in the last 60 seconds")
        .register(meters);
  }

  /** {@code units} of {@code googleUser}'s quota were spent on a call to {@code endpoint}. */
  void spent(String endpoint, String googleUser, int units) {
    Counter counter = spent.get(endpoint);
    if (counter != null) counter.increment(units);
    byUser.computeIfAbsent(googleUser, user -> new LastMinute()).add(second(), units);
  }

  private double busiestShare() {
    long now = second();
    byUser.values().removeIf(m -> m.idleSince(now) > 120); // users idle for two minutes no longer matter
    long busiest = byUser.values().stream().mapToLong(m -> m.units(now)).max().orElse(0);
    return (double) busiest / budgetPerMinute;
  }

  private long second() {
    return clock.millis() / 1_000;
  }

  /**
   * Units of one user in the last 60 seconds, a sliding window of one-second slots: calendar minutes would split a
   * sync that straddles one and report half of what Google counts against the user.
   */
  private static final class LastMinute {
    private final long[] seconds = new long[60];
    private final long[] units = new long[60];
    private long last;

    LastMinute() {
      Arrays.fill(seconds, Long.MIN_VALUE / 2); // no slot counts until written
    }

    synchronized void add(long second, int spent) {
      int slot = (int) (second % 60);
      if (seconds[slot] != second) {
        seconds[slot] = second;
        units[slot] = 0;
      }
      units[slot] += spent;
      last = second;
    }

    synchronized long units(long now) {
      long sum = 0;
      for (int slot = 0; slot < 60; slot++) {
        if (now - seconds[slot] < 60) sum += units[slot];
      }
      return sum;
    }

    synchronized long idleSince(long now) {
      return now - last;
    }
  }
}
