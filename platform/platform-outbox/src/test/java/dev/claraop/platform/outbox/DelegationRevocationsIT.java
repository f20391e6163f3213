package dev.claraop.platform.outbox;

import static dev.claraop.platform.outbox.DelegationRevocationProjectionTest.approved;
import static dev.claraop.platform.outbox.DelegationRevocationProjectionTest.revoked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.Topics;
import dev.claraop.platform.security.ClaraJwtAuthenticationConverter;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.RevokedDelegations;
import dev.claraop.test.Infrastructure;
import dev.claraop.test.KafkaFixture;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 3 inside one service, against a real Kafka broker: {@code identity.delegation.revoked} on identity.events
 * ends a delegation within seconds in a token that still carries it, through the platform's own security chain.
 */
@SpringBootTest(classes = DelegationRevocationsIT.App.class, properties = "spring.application.name=probe-service")
@AutoConfigureMockMvc
class DelegationRevocationsIT {

  private static final String DELEGATION = "d-" + UUID.randomUUID();
  private static final String OTHER_DELEGATION = "d-" + UUID.randomUUID();
  private static final Instant EXPIRY = Instant.now().plus(Duration.ofHours(1));

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @RestController
  static class App {
    /** The operator's token, signature checks aside: two delegations into demo and acme. */
    @Bean
    JwtDecoder decoder() {
      return value -> Jwt.withTokenValue(value).header("alg", "RS256").subject("operator-1").claim("tenant_id", "other")
          .claim("roles", List.of("CREATOR")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
          .claim("delegations", List.of("demo:ADMIN:" + EXPIRY.getEpochSecond() + ":" + DELEGATION,
              "acme:MANAGER:" + EXPIRY.getEpochSecond() + ":" + OTHER_DELEGATION)).build();
    }

    @GetMapping("/api/whoami")
    ClaraPrincipal whoami(ClaraPrincipal caller) {
      return caller;
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "revocations");
  }

  @Autowired MockMvc http;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired DelegationRevocationProjection revocations;
  @Autowired MeterRegistry meters;
  @Autowired ConcurrentMessageListenerContainer<String, String> delegationRevocationListener;

  @Test
  void a_revocation_on_identity_events_refuses_the_same_token_within_seconds() throws Exception {
    publish(DELEGATION, approved(DELEGATION, EXPIRY));
    publish(OTHER_DELEGATION, approved(OTHER_DELEGATION, EXPIRY));
    // Every delegation is refused until the instance has read the topic (DelegationRevocationCatchUpIT).
    await().atMost(Duration.ofSeconds(20)).until(revocations::caughtUp);
    http.perform(get("/api/whoami").header("Authorization", "Bearer the-token").header("X-Acting-Tenant", "demo"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.delegationId").value(DELEGATION));

    publish(DELEGATION, revoked(DELEGATION, Instant.now()));

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
        http.perform(get("/api/whoami").header("Authorization", "Bearer the-token").header("X-Acting-Tenant", "demo"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.detail").value("You hold no active delegation for the tenant named in X-Acting-Tenant.")));
    // The same token keeps its other delegation and its own tenant.
    http.perform(get("/api/whoami").header("Authorization", "Bearer the-token").header("X-Acting-Tenant", "acme"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.delegationId").value(OTHER_DELEGATION));
    http.perform(get("/api/whoami").header("Authorization", "Bearer the-token"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.tenantId").value("other"));
    assertThat(revocations.revoked(OTHER_DELEGATION)).isFalse();
    assertThat(meters.get("claraop.security.revoked.delegations").gauge().value()).isGreaterThanOrEqualTo(1);
    assertThat(http.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString())
        .contains("claraop_security_revoked_delegations{");
  }

  @Test
  void every_instance_reads_every_revocation_even_one_published_before_it_started_and_commits_nothing() throws Exception {
    String earlier = "d-" + UUID.randomUUID();
    publish(earlier, approved(earlier, EXPIRY));
    publish(earlier, revoked(earlier, Instant.now()));
    await().atMost(Duration.ofSeconds(20)).until(() -> revocations.caughtUp() && revocations.revoked(earlier));

    // A second instance of the same service, started afterwards.
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DelegationRevocationAutoConfiguration.class))
        .withPropertyValues("spring.application.name=probe-service",
            "spring.kafka.bootstrap-servers=" + KafkaFixture.bootstrapServers())
        .run(second -> {
          DelegationRevocationProjection secondRevocations = second.getBean(DelegationRevocationProjection.class);
          // Before it has caught up it refuses every delegation, so only afterwards does revoked(earlier) tell.
          await().atMost(Duration.ofSeconds(20)).until(secondRevocations::caughtUp);
          assertThat(secondRevocations.revoked(earlier)).isTrue();
          assertThat(secondRevocations.revoked(OTHER_DELEGATION)).isFalse();
          String firstGroup = delegationRevocationListener.getGroupId();
          String secondGroup = second.getBean("delegationRevocationListener", ConcurrentMessageListenerContainer.class).getGroupId();
          assertThat(firstGroup).startsWith("probe-service-revocations-");
          assertThat(secondGroup).startsWith("probe-service-revocations-").isNotEqualTo(firstGroup);
          try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers()))) {
            assertThat(admin.listConsumerGroupOffsets(secondGroup).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS))
                .as("no offsets committed").isEmpty();
          }
        });
  }

  @Test
  void switched_off_or_without_a_bootstrap_nothing_is_revoked_but_by_expiry() {
    ApplicationContextRunner service = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DelegationRevocationAutoConfiguration.class));
    service.withPropertyValues("spring.kafka.bootstrap-servers=" + KafkaFixture.bootstrapServers(),
            DelegationRevocationAutoConfiguration.ENABLED + "=false")
        .run(off -> assertThat(off).doesNotHaveBean(RevokedDelegations.class).doesNotHaveBean("delegationRevocationListener"));
    // The embedded broker of platform-test announces itself in this system property: hide it for this context.
    String announced = System.clearProperty("spring.kafka.bootstrap-servers");
    try {
      service.run(noBootstrap -> assertThat(noBootstrap).doesNotHaveBean(RevokedDelegations.class));
    } finally {
      if (announced != null) System.setProperty("spring.kafka.bootstrap-servers", announced);
    }
  }

  private void publish(String delegationId, String json) throws Exception {
    kafka.send(Topics.IDENTITY, delegationId, json).get(10, TimeUnit.SECONDS);
  }
}
