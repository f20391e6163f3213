package dev.claraop.retention.erasure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * Erasure gauges, read from MongoDB so every instance reports the same: {@code claraop.retention.erasures{status}}
 * counts erasures by state, and {@code claraop.retention.erasures.overdue} those still waiting on a service (or on
 * identity) longer than the confirm timeout after the services were first asked: a service that does not answer.
 */
@Component
class ErasureMetrics {

  private final Erasures erasures;
  private final ErasureSettings settings;
  private final Clock clock;
  private final Map<String, Double> lastKnown = new ConcurrentHashMap<>();

  ErasureMetrics(MeterRegistry meters, Erasures erasures, ErasureSettings settings, Clock clock) {
    this.erasures = erasures;
    this.settings = settings;
    this.clock = clock;
    for (Erasure.Status status : Erasure.Status.values()) {
      Gauge.builder("claraop.retention.erasures", () -> read(status.name(), () -> erasures.count(status)))
          .tag("status", status.name()).description("Account erasures, by state").register(meters);
    }
    Gauge.builder("claraop.retention.erasures.overdue", () -> read("overdue", this::overdue))
        .description("Erasures still waiting on a service longer than the confirm timeout after the first ask")
        .register(meters);
  }

  private long overdue() {
    return erasures.waitingSince(clock.instant().minus(settings.confirmTimeout()));
  }

  private double read(String key, LongSupplier count) {
    try {
      lastKnown.put(key, (double) count.getAsLong());
    } catch (RuntimeException mongoUnavailable) {
      // keep reporting the last value read; readiness speaks for MongoDB
    }
    return lastKnown.getOrDefault(key, Double.NaN);
  }
}
