package dev.claraop.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The clock tests move: stopped or running, moved by hand, from any thread. */
class MovableClockTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void a_stopped_clock_reads_where_it_was_set_and_moves_only_when_told() {
    MovableClock clock = MovableClock.at(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());

    clock.advance(Duration.ofMinutes(90));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(90)));
    clock.set(START.minusSeconds(1));
    assertThat(clock.instant()).isEqualTo(START.minusSeconds(1));
    clock.advance(Duration.ofSeconds(-1));
    assertThat(clock.instant()).isEqualTo(START.minusSeconds(2));

    clock.reset();
    assertThat(clock.instant()).as("back to where it was made").isEqualTo(START);
  }

  @Test
  void a_running_clock_follows_its_source_moved_ahead_until_reset() {
    Clock source = Clock.fixed(START, ZoneOffset.UTC);
    MovableClock clock = MovableClock.following(source);
    assertThat(clock.instant()).isEqualTo(START);

    clock.advance(Duration.ofHours(24));
    clock.advance(Duration.ofSeconds(1));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(24)).plusSeconds(1));

    clock.reset();
    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void a_running_clock_set_to_an_instant_stays_there_until_reset_to_the_source() {
    Clock source = Clock.offset(Clock.fixed(START, ZoneOffset.UTC), Duration.ofDays(3));
    MovableClock clock = MovableClock.following(source);
    clock.advance(Duration.ofHours(1));

    clock.set(START);
    assertThat(clock.instant()).as("the offset does not apply to a set instant").isEqualTo(START);
    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));

    clock.reset();
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(3)));
  }

  @Test
  void the_system_clock_runs_in_utc() {
    MovableClock clock = MovableClock.ofSystem();
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    Instant before = Instant.now();
    Instant read = clock.instant();
    assertThat(read).isBetween(before, Instant.now());
    clock.advance(Duration.ofDays(30));
    assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(30)));
  }

  @Test
  void another_zone_is_a_view_of_the_same_clock() {
    MovableClock clock = MovableClock.at(Instant.parse("2026-03-01T23:30:00Z"));
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(LocalDate.now(tokyo)).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 1));

    clock.advance(Duration.ofHours(1));
    assertThat(tokyo.instant()).as("moving the clock moves the view").isEqualTo(Instant.parse("2026-03-02T00:30:00Z"));
  }

  @Test
  void moves_from_many_threads_at_once_are_all_kept() throws Exception {
    MovableClock clock = MovableClock.at(START);
    int threads = 8;
    int movesEach = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < movesEach; i++) {
            clock.advance(Duration.ofMillis(1));
            clock.instant();
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) f.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(clock.instant()).isEqualTo(START.plusMillis((long) threads * movesEach));
  }
}
