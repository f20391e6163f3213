package dev.claraop.access;

import dev.claraop.test.Infrastructure;
import dev.claraop.test.MovableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every integration test of support-access-service, on the shared Kafka and Mongo
 * fixtures, with a clock tests can move (expiries are tested by moving time, not by waiting for it) and
 * the expiry job and outbox relay running often.
 */
@SpringBootTest(properties = {"claraop.access.grants.expiry-check-interval=200ms", "claraop.outbox.poll-interval=100ms"})
@AutoConfigureMockMvc
@Import(MovableClock.InContext.class)
public abstract class AccessIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "access");
  }
}
