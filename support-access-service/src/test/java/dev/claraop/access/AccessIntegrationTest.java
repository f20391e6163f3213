package dev.claraop.access;

import dev.claraop.test.Infrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every integration test of support-access-service, on the shared Kafka and Mongo
 * fixtures, with a clock tests can move (expiries are tested by moving time, not by waiting for it) and
 * the expiry job and outbox relay running often.
 */
@SpringBootTest(properties = {"claraop.access.grants.expiry-check-interval=200ms", "claraop.outbox.poll-interval=100ms"})
@AutoConfigureMockMvc
@Import(AccessIntegrationTest.MovableTime.class)
public abstract class AccessIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "access");
  }

  @TestConfiguration
  static class MovableTime {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  /** The system clock, unless a test moves it ahead. */
  public static final class MovableClock extends Clock {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    public void moveAhead(Duration by) {
      ahead.updateAndGet(d -> d.plus(by));
    }

    public void reset() {
      ahead.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
