package dev.claraop.audit;

import dev.claraop.test.Infrastructure;
import dev.claraop.test.MovableClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every integration test of audit-service, on the shared Kafka and Mongo fixtures,
 * with a clock tests can move and the sealing schedule off (tests seal when they choose).
 */
@SpringBootTest(properties = "claraop.audit.scheduling.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.InContext.class)
public abstract class AuditIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "audit");
  }
}
