package dev.claraop.retention;

import dev.claraop.test.Infrastructure;
import dev.claraop.test.KeycloakFixture;
import dev.claraop.test.MovableClock;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for the integration tests of retention-service: the shared Kafka and Mongo fixtures, the real
 * Keycloak (client-credentials tokens of realm claraop's {@code retention-service} client), a WireMock stand-in for
 * payout-service's purge command, a clock tests can pin, and the schedules off (tests run the jobs themselves; the
 * erasure job's first round is one poll interval after start).
 */
@SpringBootTest(properties = {
    "claraop.retention.payout-purge-cron=-",
    "claraop.retention.audit.cron=-",
    "claraop.retention.erasure.poll-interval=PT6H",
    "claraop.retention.audit.backoff=50ms",
    "claraop.retention.payout.attempts=2",
    "claraop.retention.payout.backoff=50ms",
    "claraop.retention.payout.open-for=200ms"})
@AutoConfigureMockMvc
@Import(MovableClock.InContext.class)
public abstract class RetentionIntegrationTest {

  /** The dev realm's secret of client retention-service (infra/keycloak/realm/README.md): DEV ONLY. */
  public static final String DEV_CLIENT_SECRET = "dev-only-retention-service-secret-not-for-real-use";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "retention");
    registry.add("spring.kafka.consumer.group-id", () -> "retention-" + UUID.randomUUID());
    keycloakAndPayout(registry);
  }

  public static void keycloakAndPayout(DynamicPropertyRegistry registry) {
    KeycloakFixture.Server keycloak = KeycloakFixture.server();
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak::issuer);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak::jwkSetUri);
    registry.add("claraop.retention.payout.token-uri", () -> keycloak.issuer() + "/protocol/openid-connect/token");
    registry.add("claraop.retention.payout.client-secret", () -> DEV_CLIENT_SECRET);
    registry.add("claraop.retention.payout.base-url", PayoutStandIn::baseUrl);
    registry.add("claraop.retention.audit.base-url", PayoutStandIn::baseUrl); // the same WireMock stands in for audit
  }
}
