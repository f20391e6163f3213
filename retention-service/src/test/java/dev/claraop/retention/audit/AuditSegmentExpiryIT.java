package dev.claraop.retention.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.claraop.retention.PayoutStandIn;
import dev.claraop.retention.RetentionIntegrationTest;
import dev.claraop.test.KeycloakFixture;
import dev.claraop.test.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The daily audit retention request: what it asks of audit-service, as whom, and what a refusal or outage leaves. */
class AuditSegmentExpiryIT extends RetentionIntegrationTest {

  private static final String EXPIRE = "/internal/audit/segments/expire";

  @Autowired AuditSegmentExpiry expiry;
  @Autowired MovableClock clock;
  @Autowired MeterRegistry meters;

  @AfterEach
  void reset() {
    clock.reset();
    PayoutStandIn.purgesEverything();
  }

  @Test
  void asks_audit_service_for_the_days_before_the_kept_period_with_its_own_service_token() {
    PayoutStandIn.server().stubFor(post(urlPathEqualTo(EXPIRE)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"before\":\"2026-02-08\",\"daysRemoved\":3,\"entriesRemoved\":42}")));
    // 00:30 UTC on March 10: a host zone would still say March 9 west of Greenwich; UTC decides.
    clock.set(Instant.parse("2026-03-10T00:30:00Z"));
    double removedBefore = counter("claraop.retention.audit.entries.removed");

    assertThat(expiry.expire()).contains(42L);

    List<LoggedRequest> requests = PayoutStandIn.server().findAll(postRequestedFor(urlPathEqualTo(EXPIRE)));
    assertThat(requests).hasSize(1);
    assertThat(requests.getFirst().queryParameter("before").firstValue()).isEqualTo("2026-02-08"); // March 10 - P30D
    KeycloakFixture.Server keycloak = KeycloakFixture.server();
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
    Jwt token = decoder.decode(requests.getFirst().getHeader("Authorization").substring("Bearer ".length()));
    assertThat(token.getClaimAsString("azp")).isEqualTo("retention-service");
    assertThat(token.getClaimAsStringList("roles")).containsExactly("SERVICE_RETENTION");
    assertThat(counter("claraop.retention.audit.entries.removed") - removedBefore).isEqualTo(42.0);
  }

  @Test
  void an_outage_is_retried_and_then_counted_failed_and_a_refusal_is_not_retried() {
    double failedBefore = meters.counter("claraop.retention.audit.expiry.runs", "outcome", "failed").count();
    PayoutStandIn.server().stubFor(post(urlPathEqualTo(EXPIRE)).willReturn(aResponse().withStatus(503)));

    assertThat(expiry.expire()).isEqualTo(Optional.empty());
    assertThat(PayoutStandIn.server().findAll(postRequestedFor(urlPathEqualTo(EXPIRE)))).hasSize(3);

    PayoutStandIn.server().resetRequests();
    PayoutStandIn.server().stubFor(post(urlPathEqualTo(EXPIRE)).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":409}")));
    assertThat(expiry.expire()).isEmpty();
    assertThat(PayoutStandIn.server().findAll(postRequestedFor(urlPathEqualTo(EXPIRE)))).hasSize(1);
    assertThat(meters.counter("claraop.retention.audit.expiry.runs", "outcome", "failed").count() - failedBefore)
        .isEqualTo(2.0);
  }

  private double counter(String name) {
    return meters.counter(name).count();
  }
}
