package dev.claraop.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A service that hangs or is down costs callers a bounded time and a problem document, its breaker opens
 * so that later callers are answered at once, and the route recovers by itself when the service returns.
 * Retention's route stands for every route (each has its own breaker); the others stay served throughout.
 */
class RouteResilienceTest extends GatewayTestSupport {

  @AfterEach
  void bringRetentionBack() {
    if (!retention.isRunning()) {
      retention = new WireMockServer(options().port(retentionPort));
      retention.start();
    }
    retention.resetAll();
  }

  @Test
  void a_hanging_service_answers_504_within_the_time_limit() throws Exception {
    retention.stubFor(get("/api/retention/runs").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
    long started = System.nanoTime();
    https.get().uri("/api/retention/runs").header("Authorization", "Bearer " + token()).exchange()
        .expectStatus().isEqualTo(504)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.status").isEqualTo(504);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void a_route_with_a_longer_time_limit_waits_for_its_slow_service() throws Exception {
    services.stubFor(get("/api/audit/verify").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")
        .withFixedDelay(1_500)));
    https.get().uri("/api/audit/verify").header("Authorization", "Bearer " + token()).exchange()
        .expectStatus().isOk();
  }

  @Test
  void a_stopped_service_answers_503_the_breaker_opens_and_the_route_recovers_when_it_returns() throws Exception {
    String token = token();
    retention.stop();
    for (int i = 0; i < 4; i++) {
      long started = System.nanoTime();
      https.get().uri("/api/retention/runs").header("Authorization", "Bearer " + token).exchange()
          .expectStatus().isEqualTo(503)
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
    // Open now: refused without trying the service.
    https.get().uri("/api/retention/runs").header("Authorization", "Bearer " + token).exchange()
        .expectStatus().isEqualTo(503)
        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("recover"));
    // The other routes are not affected.
    services.stubFor(get("/api/batches").willReturn(aResponse().withStatus(200).withBody("{}")));
    https.get().uri("/api/batches").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();

    retention = new WireMockServer(options().port(retentionPort));
    retention.start();
    retention.stubFor(get("/api/retention/runs").willReturn(aResponse().withStatus(200).withBody("{\"items\":[]}")));
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        https.get().uri("/api/retention/runs").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isOk());
  }
}
