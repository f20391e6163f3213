package dev.claraop.ingest.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.test.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The quota gauge reads the last 60 seconds, whatever calendar minute the calls fell in. */
class QuotaUseTest {

  private final MovableClock clock = MovableClock.at(Instant.parse("2026-11-23T10:00:50Z"));
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final QuotaUse quota = new QuotaUse(new GoogleCalls.ResilienceSettings(null, null, 80, null), clock, meters);

  @Test
  void a_sync_straddling_a_minute_counts_whole() {
    quota.spent("messages.get", "a@demo.claraop.dev", 2_000);
    clock.advance(Duration.ofSeconds(20)); // 10:01:10, a new calendar minute
    quota.spent("messages.get", "a@demo.claraop.dev", 400);

    assertThat(ratio()).isEqualTo(2_400.0 / 4_800);
  }

  @Test
  void units_older_than_a_minute_no_longer_count_and_the_busiest_user_decides() {
    quota.spent("messages.list", "a@demo.claraop.dev", 1_200);
    clock.advance(Duration.ofSeconds(30));
    quota.spent("messages.get", "b@demo.claraop.dev", 480);
    assertThat(ratio()).isEqualTo(1_200.0 / 4_800);

    clock.advance(Duration.ofSeconds(31)); // a's units are 61 s old
    assertThat(ratio()).isEqualTo(480.0 / 4_800);

    clock.advance(Duration.ofMinutes(3));
    assertThat(ratio()).isZero();
  }

  @Test
  void quota_units_are_counted_by_gmail_method() {
    quota.spent("messages.get", "a@demo.claraop.dev", 5);
    quota.spent("messages.get", "b@demo.claraop.dev", 5);
    assertThat(meters.get("claraop.ingest.google.quota.units").tag("endpoint", "messages.get").counter().count())
        .isEqualTo(10);
  }

  private double ratio() {
    return meters.get("claraop.ingest.google.quota.used.ratio").gauge().value();
  }
}
