package dev.claraop.ingest.google;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The Gmail quota units this service spends: a counter by endpoint (claraop_ingest_google_quota_units_total) and the
 * share of its per-user minute budget the busiest mailbox used in the current or the previous minute
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
  private final Map<String, Minutes> byUser = new ConcurrentHashMap<>();

  QuotaUse(GoogleCalls.ResilienceSettings settings, Clock clock, MeterRegistry meters) {
    this.clock = clock;
    this.budgetPerMinute = settings.unitsPerSecond() * 60L;
    this.spent = ENDPOINTS.stream().collect(Collectors.toUnmodifiableMap(e -> e,
        e -> Counter.builder("claraop.ingest.google.quota.units").tag("endpoint", e).baseUnit("units")
            .description("Gmail quota units spent, by Gmail method (every attempt, retries too)").register(meters)));
    Gauge.builder("claraop.ingest.google.quota.used.ratio", this, QuotaUse::busiestShare)
        .description("Share of the per-user minute quota budget used by the busiest mailbox (this or the last minute)")
        .register(meters);
  }

  /** {@code units} of {@code googleUser}'s quota were spent on a call to {@code endpoint}. */
  void spent(String endpoint, String googleUser, int units) {
    Counter counter = spent.get(endpoint);
    if (counter != null) counter.increment(units);
    byUser.computeIfAbsent(googleUser, user -> new Minutes()).add(minute(), units);
  }

  private double busiestShare() {
    long now = minute();
    byUser.values().removeIf(m -> m.stale(now)); // users idle for two minutes no longer matter
    long busiest = byUser.values().stream().mapToLong(m -> m.recent(now)).max().orElse(0);
    return (double) busiest / budgetPerMinute;
  }

  private long minute() {
    return clock.millis() / 60_000;
  }

  /** Units of one user in the current and the previous minute. */
  private static final class Minutes {
    private long current = -1;
    private long currentUnits;
    private long previousUnits;

    synchronized void add(long minute, int units) {
      roll(minute);
      currentUnits += units;
    }

    synchronized long recent(long minute) {
      roll(minute);
      return Math.max(currentUnits, previousUnits);
    }

    synchronized boolean stale(long minute) {
      return minute - current > 1;
    }

    private void roll(long minute) {
      if (minute == current) return;
      previousUnits = minute == current + 1 ? currentUnits : 0;
      currentUnits = 0;
      current = minute;
    }
  }
}
