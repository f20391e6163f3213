package dev.claraop.platform.outbox;

import static dev.claraop.platform.outbox.DelegationRevocationProjectionTest.approved;
import static dev.claraop.platform.outbox.DelegationRevocationProjectionTest.revoked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.test.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A (re)started instance, against a real Kafka broker: the revocation was published before it started, so until
 * its consumer has read identity.events up to the end, it refuses every delegation, one never revoked included;
 * afterwards only the revoked one. The consumer is held back on the revocation to look at the state in between.
 */
@SpringBootTest(classes = DelegationRevocationCatchUpIT.App.class, properties = "spring.application.name=restarted-service")
@AutoConfigureMockMvc
class DelegationRevocationCatchUpIT {

  private static final String NEVER_REVOKED = "d-" + UUID.randomUUID();
  private static final String REVOKED = "d-" + UUID.randomUUID();
  private static final Instant EXPIRY = Instant.now().plus(Duration.ofHours(1));
  /** The consumer has the revocation in hand and waits for {@link #RELEASE} before applying it. */
  private static final CountDownLatch HELD = new CountDownLatch(1);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @RestController
  static class App {
    /** The operator's token, signature checks aside: a delegation into demo, never revoked, and one into acme. */
    @Bean
    JwtDecoder decoder() {
      return value -> Jwt.withTokenValue(value).header("alg", "RS256").subject("operator-1").claim("tenant_id", "other")
          .claim("roles", List.of("CREATOR")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
          .claim("delegations", List.of("demo:ADMIN:" + EXPIRY.getEpochSecond() + ":" + NEVER_REVOKED,
              "acme:MANAGER:" + EXPIRY.getEpochSecond() + ":" + REVOKED)).build();
    }

    /** The instance starts its consumer when the test says so, and holds it back on the revocation. */
    @Bean
    static BeanPostProcessor heldBackConsumer() {
      return new BeanPostProcessor() {
        @Override
        @SuppressWarnings("unchecked")
        public Object postProcessBeforeInitialization(Object bean, String name) {
          if ("delegationRevocationListener".equals(name)) {
            var container = (ConcurrentMessageListenerContainer<String, String>) bean;
            container.setAutoStartup(false);
            container.setRecordInterceptor((record, consumer) -> {
              if (record.value() != null && record.value().contains(REVOKED)
                  && record.value().contains(EventTypes.IDENTITY_DELEGATION_REVOKED.name())) {
                HELD.countDown();
                try {
                  RELEASE.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return record;
            });
          }
          return bean;
        }
      };
    }

    @GetMapping("/api/whoami")
    ClaraPrincipal whoami(ClaraPrincipal caller) {
      return caller;
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "revocations-catch-up");
  }

  @Autowired MockMvc http;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired DelegationRevocationProjection revocations;
  @Autowired MeterRegistry meters;
  @Autowired ConcurrentMessageListenerContainer<String, String> delegationRevocationListener;

  @Test
  void a_restarted_instance_refuses_every_delegation_until_it_has_read_identity_events_to_the_end() throws Exception {
    publish(NEVER_REVOKED, approved(NEVER_REVOKED, EXPIRY));
    publish(REVOKED, approved(REVOKED, EXPIRY));
    publish(REVOKED, revoked(REVOKED, Instant.now()));

    // Not assigned yet (as while Kafka is unreachable): refused.
    assertThat(caughtUpGauge()).isZero();
    actingIn("demo").andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("You hold no active delegation for the tenant named in X-Acting-Tenant."));

    try {
      delegationRevocationListener.start();
      assertThat(HELD.await(30, TimeUnit.SECONDS)).as("the consumer reached the revocation").isTrue();
      // Assigned, the revocation's partition not read to its end offset: still refused.
      assertThat(revocations.caughtUp()).isFalse();
      assertThat(caughtUpGauge()).isZero();
      actingIn("demo").andExpect(status().isForbidden());
    } finally {
      RELEASE.countDown();
    }

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(revocations::caughtUp);
    assertThat(caughtUpGauge()).isEqualTo(1);
    actingIn("demo").andExpect(status().isOk()).andExpect(jsonPath("$.delegationId").value(NEVER_REVOKED));
    actingIn("acme").andExpect(status().isForbidden());
    // The operator as themself was never concerned: only delegated access waits for the catch-up.
    http.perform(get("/api/whoami").header("Authorization", "Bearer the-token"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.tenantId").value("other"));
    assertThat(http.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString())
        .containsPattern("claraop_security_revocations_caught_up\\{[^}]*} 1\\.0");
  }

  private ResultActions actingIn(String tenant) throws Exception {
    return http.perform(get("/api/whoami").header("Authorization", "Bearer the-token").header("X-Acting-Tenant", tenant));
  }

  private double caughtUpGauge() {
    return meters.get("claraop.security.revocations.caught.up").gauge().value();
  }

  private void publish(String delegationId, String json) throws Exception {
    kafka.send(Topics.IDENTITY, delegationId, json).get(10, TimeUnit.SECONDS);
  }
}
