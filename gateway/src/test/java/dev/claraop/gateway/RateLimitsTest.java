package dev.claraop.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Budgets per user, per address, per login and for the public forms, in-process (one gateway). */
class RateLimitsTest extends GatewayTestSupport {

  private static final String TOKEN_PATH = "/realms/claraop/protocol/openid-connect/token";

  @Test
  void a_user_who_spends_their_budget_gets_429_with_retry_after_and_other_users_are_unaffected() throws Exception {
    services.stubFor(get("/api/invoices").willReturn(aResponse().withStatus(200).withBody("{}")));
    String greedy = token();
    for (int i = 0; i < 10; i++) {
      https.get().uri("/api/invoices").header("Authorization", "Bearer " + greedy).exchange().expectStatus().isOk();
    }
    https.get().uri("/api/invoices").header("Authorization", "Bearer " + greedy).exchange()
        .expectStatus().isEqualTo(429)
        .expectHeader().valueEquals("Retry-After", "6") // 10 per 60 s: one more every 6 s
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.status").isEqualTo(429);
    assertThat(services.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock
        .getRequestedFor(urlEqualTo("/api/invoices")).build()).getCount()).isEqualTo(10);
    https.get().uri("/api/invoices").header("Authorization", "Bearer " + token()).exchange().expectStatus().isOk();
  }

  @Test
  void password_logins_are_limited_to_five_per_fifteen_minutes_per_username_and_address() {
    keycloak.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
    String user = "target-" + UUID.randomUUID() + "@demo.test";
    for (int i = 0; i < 5; i++) {
      login(user, "guess-" + i).expectStatus().isBadRequest();
    }
    login(user.toUpperCase(), "guess-5").expectStatus().isEqualTo(429)
        .expectHeader().valueEquals("Retry-After", "180")
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    // Keycloak saw the five attempts, with their bodies intact, and never the sixth.
    keycloak.verify(5, postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("username=" + user.replace("@", "%40"))));
    // Another username from the same address still has its own five.
    login("someone-else-" + UUID.randomUUID() + "@demo.test", "pw").expectStatus().isBadRequest();
  }

  @Test
  void refresh_grants_are_not_charged_to_the_login_budget() {
    keycloak.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"a\"}")));
    for (int i = 0; i < 8; i++) {
      https.post().uri(TOKEN_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .bodyValue("grant_type=refresh_token&client_id=claraop-web&refresh_token=r" + i)
          .exchange().expectStatus().isOk();
    }
  }

  @Test
  void the_public_forms_are_tightly_limited_per_address() {
    services.stubFor(post("/api/public/contact").willReturn(aResponse().withStatus(202).withBody("{\"reference\":\"r\"}")));
    int accepted = 0;
    int limited = 0;
    for (int i = 0; i < 5; i++) {
      int status = https.post().uri("/api/public/contact").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"email\":\"a@b.test\",\"topic\":\"SALES\",\"message\":\"hello\"}")
          .exchange().returnResult(String.class).getStatus().value();
      if (status == 202) accepted++;
      if (status == 429) limited++;
    }
    assertThat(accepted).isEqualTo(3);
    assertThat(limited).isEqualTo(2);
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String username, String password) {
    return https.post().uri(TOKEN_PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("grant_type=password&client_id=claraop-web&username="
            + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password=" + password)
        .exchange();
  }

  @Test
  void a_parallel_burst_without_a_token_or_with_forged_ones_meets_429_before_any_token_is_checked() throws Exception {
    services.stubFor(get("/api/invoices").willReturn(aResponse().withStatus(200).withBody("{}")));
    var forger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("test-key").generate();
    java.util.List<String> forged = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      forged.add(sign(forger, "claraop-api", java.time.Instant.now().plusSeconds(300), UUID.randomUUID().toString()));
    }
    try {
      var ssl = io.netty.handler.ssl.SslContextBuilder.forClient()
          .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE).build();
      var client = org.springframework.web.reactive.function.client.WebClient.builder()
          .baseUrl("https://localhost:" + port)
          .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
              reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.create("burst", 50))
                  .secure(spec -> spec.sslContext(ssl))))
          .build();
      for (boolean withForgedTokens : new boolean[] {false, true}) {
        List<String> statuses = Flux.range(0, 200)
            .flatMap(i -> (withForgedTokens
                    ? client.get().uri("/api/invoices").header("Authorization", "Bearer " + forged.get(i))
                    : client.get().uri("/api/invoices"))
                .exchangeToMono(response -> Mono.just(response.statusCode().value() + " "
                    + response.headers().asHttpHeaders().getFirst("Retry-After"))), 50)
            .collectList().block(java.time.Duration.ofSeconds(60));
        List<String> limited = statuses.stream().filter(s -> s.startsWith("429 ")).toList();
        // 40 at once and 20 a second after: however slowly this machine sends 200, many meet the limit.
        assertThat(limited).as(withForgedTokens ? "forged tokens" : "no token").hasSizeGreaterThanOrEqualTo(20)
            .allSatisfy(s -> assertThat(s).doesNotEndWith("null"));
        assertThat(statuses).allSatisfy(s -> assertThat(s).matches("(401|429) .*"));
        waitForTheAnonymousBudget();
      }
      assertThat(services.getAllServeEvents()).isEmpty();
    } finally {
      waitForTheAnonymousBudget();
    }
  }

  /**
   * The address's anonymous budget is shared by the other tests here, which may spend a dozen of it at once:
   * wait until it answers an anonymous request again (asking at most four times a second), then for its whole
   * burst to come back (40 at 20 a second: 2 s after the last request spent from it).
   */
  private void waitForTheAnonymousBudget() throws InterruptedException {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(250))
        .until(() -> https.get().uri("/robots.txt").exchange().returnResult(String.class).getStatus().value() != 429);
    Thread.sleep(2_100);
  }
}
