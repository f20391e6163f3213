package dev.claraop.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.claraop.gateway.edge.HttpRedirectPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;

/** Token checks, routing, correlation ids, the plain-HTTP redirect and the management port. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayEdgeTest extends GatewayTestSupport {

  @LocalManagementPort int managementPort;
  @Autowired HttpRedirectPort redirectPort;

  @Test
  void an_api_call_without_a_token_is_a_401_problem_and_never_reaches_a_service() {
    https.post().uri("/api/batches").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"currency\":\"USD\"}")
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().exists("X-Request-Id")
        .expectBody().jsonPath("$.status").isEqualTo(401);
    assertThat(services.getAllServeEvents()).isEmpty();
  }

  @Test
  void a_valid_token_is_routed_with_the_token_and_the_request_id() throws Exception {
    services.stubFor(post("/api/batches").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"b-1\"}")));
    String token = token();
    https.post().uri("/api/batches").header("Authorization", "Bearer " + token).header("X-Request-Id", "req-7")
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"currency\":\"USD\"}")
        .exchange()
        .expectStatus().isCreated()
        .expectHeader().valueEquals("X-Request-Id", "req-7")
        .expectBody().jsonPath("$.id").isEqualTo("b-1");
    services.verify(postRequestedFor(urlEqualTo("/api/batches"))
        .withHeader("Authorization", equalTo("Bearer " + token))
        .withHeader("X-Request-Id", equalTo("req-7")));
  }

  @Test
  void the_callers_trace_goes_on_to_the_service_and_into_the_request_log_line(CapturedOutput output) throws Exception {
    services.stubFor(get("/api/batches").willReturn(aResponse().withStatus(200).withBody("{}")));
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    https.get().uri("/api/batches").header("Authorization", "Bearer " + token()).header("X-Request-Id", "req-traced")
        .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
        .exchange().expectStatus().isOk();
    // W3C: same trace id, the gateway's own span as parent
    services.verify(getRequestedFor(urlEqualTo("/api/batches"))
        .withHeader("traceparent", matching("00-" + trace + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01")));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("req-traced"));
    assertThat(output.getOut().lines().filter(l -> l.contains("req-traced")).findFirst().orElseThrow())
        .contains("\"traceId\":\"" + trace + "\"");
  }

  @Test
  void each_api_call_is_logged_once_as_json_with_its_request_id_and_without_its_query(
      CapturedOutput output) throws Exception {
    services.stubFor(get(urlEqualTo("/api/batches?token=secret-in-query")).willReturn(aResponse().withStatus(200).withBody("{}")));
    https.get().uri("/api/batches?token=secret-in-query").header("Authorization", "Bearer " + token()).header("X-Request-Id", "req-gw-log").exchange().expectStatus().isOk();
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("req-gw-log"));
    String line = output.getOut().lines().filter(l -> l.contains("req-gw-log")).findFirst().orElseThrow();
    assertThat(line).startsWith("{").contains("\"requestId\":\"req-gw-log\"").contains("\"status\":200")
        .contains("GET /api/batches 200");
    assertThat(output.getOut()).doesNotContain("secret-in-query");
  }

  @Test
  void routes_follow_the_http_contract() throws Exception {
    String token = token();
    for (String path : List.of("/api/identity/users", "/api/campaigns", "/api/invoices", "/api/batches",
        "/api/inbox", "/api/audit/entries", "/api/retention/runs", "/api/support-access/grants")) {
      WireMockServer service = path.startsWith("/api/retention") ? retention : services;
      service.stubFor(get(path).willReturn(aResponse().withStatus(200).withBody("{}")));
      https.get().uri(path).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
      service.verify(getRequestedFor(urlEqualTo(path)));
    }
  }

  @Test
  void a_token_for_another_audience_an_expired_one_or_a_forged_one_is_refused() throws Exception {
    RSAKey forger = new RSAKeyGenerator(2048).keyID("test-key").generate();
    for (String token : List.of(token("account", Instant.now().plusSeconds(300)),
        token("claraop-api", Instant.now().minusSeconds(600)),
        sign(forger, "claraop-api", Instant.now().plusSeconds(300), "user-1"))) {
      https.get().uri("/api/batches").header("Authorization", "Bearer " + token).exchange()
          .expectStatus().isUnauthorized()
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(services.getAllServeEvents()).isEmpty();
  }

  @Test
  void when_the_identity_providers_keys_cannot_be_fetched_the_answer_is_503_not_500() throws Exception {
    identityProvider.resetAll();
    identityProvider.stubFor(get("/certs").willReturn(aResponse().withStatus(503)));
    // A key id the gateway has not cached makes it fetch the key set again, which now fails.
    RSAKey rotated = new RSAKeyGenerator(2048).keyID("rotated-key").generate();
    https.get().uri("/api/batches").header("Authorization", "Bearer " + sign(rotated, "claraop-api", Instant.now().plusSeconds(300), "user-1"))
        .exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void plain_http_answers_301_to_the_same_path_on_https() throws Exception {
    HttpResponse<Void> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + redirectPort.value() + "/api/batches?x=1")).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).hasValue("https://localhost:" + port + "/api/batches?x=1");
  }

  @Test
  void health_and_metrics_are_on_the_management_port_only() throws Exception {
    for (String path : List.of("/actuator/health/readiness", "/actuator/prometheus", "/actuator/env")) {
      https.get().uri(path).exchange()
          .expectStatus().value(status -> assertThat(status).as(path).isIn(401, 403, 404))
          .expectBody(String.class).value(body -> assertThat(body).doesNotContain("UP").doesNotContain("jvm_"));
    }
    HttpClient plain = HttpClient.newHttpClient();
    HttpResponse<String> readiness = plain.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("UP");
    HttpResponse<String> metrics = plain.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body()).contains("application=\"gateway\"")
        // what alerts.yml and the dashboards read, present before anything has gone wrong
        // (present from start-up: other test classes may already have moved them off 0)
        .contains("claraop_gateway_rate_limited_total{application=\"gateway\",policy=\"login\"}")
        .contains("claraop_gateway_rate_limited_total{application=\"gateway\",policy=\"user\"}")
        .contains("claraop_gateway_rate_limit_store_failures_total{application=\"gateway\"}")
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"payout\"[^}]*state=\"open\"");
  }
}
