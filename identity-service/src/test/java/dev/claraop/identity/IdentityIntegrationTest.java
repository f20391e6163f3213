package dev.claraop.identity;

import dev.claraop.test.Infrastructure;
import dev.claraop.test.KeycloakFixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One Spring context for every integration test of identity-service, on the shared Kafka, Mongo and Keycloak fixtures. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class IdentityIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "identity");
    registry.add("claraop.identity.keycloak.url", () -> KeycloakFixture.server().baseUrl());
    registry.add("claraop.identity.keycloak.password", () -> KeycloakFixture.server().adminPassword());
    // A member made beside identity-service is announced 5 s after it was made, at the next scheduler tick (5 s),
    // not after 30 s and then up to 5 minutes.
    registry.add("claraop.identity.members.announce-every", () -> "1s");
    registry.add("claraop.identity.members.settle", () -> "5s");
    // Real tokens from the fixture's Keycloak are accepted too (tests that show what Keycloak itself decides).
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> KeycloakFixture.server().issuer());
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> KeycloakFixture.server().jwkSetUri());
  }
}
