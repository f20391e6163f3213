package dev.claraop.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test moves instead of waiting: either stopped at an instant, or running with the system's time shifted by
 * an offset. Thread-safe, because a service's scheduled jobs and listeners read it while the test moves it.
 */
public final class MovableClock extends Clock {

  /** What the clock reads: {@code stoppedAt} when set, else the source's time plus {@code ahead}. */
  private record Reading(Instant stoppedAt, Duration ahead) {
    static final Reading UNMOVED = new Reading(null, Duration.ZERO);

    Instant of(Clock source) {
      return stoppedAt != null ? stoppedAt : source.instant().plus(ahead);
    }

    Reading advancedBy(Duration by) {
      return stoppedAt != null ? new Reading(stoppedAt.plus(by), ahead) : new Reading(null, ahead.plus(by));
    }
  }

  private final Clock source;
  private final Reading initial;
  private final AtomicReference<Reading> reading;
  private final ZoneId zone;

  private MovableClock(Clock source, Reading initial, AtomicReference<Reading> reading, ZoneId zone) {
    this.source = source;
    this.initial = initial;
    this.reading = reading;
    this.zone = zone;
  }

  /** Running with {@code source}'s time until moved; the system's clock in tests, a fixed one in this module's. */
  static MovableClock following(Clock source) {
    return new MovableClock(source, Reading.UNMOVED, new AtomicReference<>(Reading.UNMOVED), ZoneOffset.UTC);
  }

  /** The system's time, running, until a test moves it. */
  public static MovableClock ofSystem() {
    return following(Clock.systemUTC());
  }

  /** Stopped at {@code start} until a test moves it. */
  public static MovableClock at(Instant start) {
    Reading stopped = new Reading(start, Duration.ZERO);
    return new MovableClock(Clock.systemUTC(), stopped, new AtomicReference<>(stopped), ZoneOffset.UTC);
  }

  /** Stops the clock at {@code at}, however it was reading before. */
  public void set(Instant at) {
    reading.set(new Reading(at, Duration.ZERO));
  }

  /** Moves the reading by {@code by}: a stopped clock stays stopped there, a running one runs on that far ahead. */
  public void advance(Duration by) {
    reading.updateAndGet(r -> r.advancedBy(by));
  }

  /** Back to the reading the clock was made with: the system's own time for {@link #ofSystem()}. */
  public void reset() {
    reading.set(initial);
  }

  @Override
  public Instant instant() {
    return reading.get().of(source);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same clock seen in another zone: moving either moves both. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new MovableClock(source, initial, reading, zone);
  }

  @Override
  public String toString() {
    return "MovableClock[" + reading.get() + ", " + zone + "]";
  }

  /** Import into a Spring test context to make a {@link #ofSystem()} clock the {@code Clock} the service injects. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class InContext {
    @Bean
    @Primary
    MovableClock movableClock() {
      return MovableClock.ofSystem();
    }
  }
}
