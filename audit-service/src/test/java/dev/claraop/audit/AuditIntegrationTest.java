package dev.claraop.audit;

import dev.claraop.test.Infrastructure;
import java.time.Clock;
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
 * One Spring context for every integration test of audit-service, on the shared Kafka and Mongo fixtures,
 * with a clock tests can move and the sealing schedule off (tests seal when they choose).
 */
@SpringBootTest(properties = "claraop.audit.scheduling.enabled=false")
@AutoConfigureMockMvc
@Import(AuditIntegrationTest.MovableTime.class)
public abstract class AuditIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "audit");
  }

  @TestConfiguration
  static class MovableTime {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  /** The system clock, unless a test pins it. */
  public static final class MovableClock extends Clock {
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void pin(Instant at) {
      pinned.set(at);
    }

    public void release() {
      pinned.set(null);
    }

    @Override
    public Instant instant() {
      Instant at = pinned.get();
      return at != null ? at : Instant.now();
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
