package dev.claraop.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two gateway instances on one Redis spend from one budget (Spring Cloud Gateway's Redis limiter), and a
 * gateway whose Redis is gone keeps limiting in-process instead of letting everything through. Needs a
 * Redis: {@code REDIS_URL}, or 127.0.0.1:6379, which {@code .ci/run} starts when it is not running.
 */
class SharedBudgetsIT {

  private static final String REDIS_URL = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
  private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();
  private static WebTestClient first;
  private static WebTestClient second;
  private static WebTestClient withoutRedis;
  private static ConfigurableApplicationContext withoutRedisContext;

  @BeforeAll
  static void startGateways() throws Exception {
    URI redis = URI.create(REDIS_URL);
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(redis.getHost(), redis.getPort()), 2_000);
    } catch (Exception e) {
      throw new IllegalStateException("These tests need Redis at " + REDIS_URL
          + " (.ci/run starts one; or set REDIS_URL)", e);
    }
    first = client(start(REDIS_URL));
    second = client(start(REDIS_URL));
    withoutRedisContext = start("redis://127.0.0.1:" + GatewayTestSupport.freePort());
    withoutRedis = client(withoutRedisContext);
  }

  @AfterAll
  static void stopGateways() {
    gateways.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void two_instances_on_one_redis_share_one_budget_per_user() throws Exception {
    GatewayTestSupport.services.stubFor(get("/api/campaigns").willReturn(aResponse().withStatus(200).withBody("{}")));
    String token = GatewayTestSupport.token();
    Map<Integer, Integer> statuses = new HashMap<>();
    for (int i = 0; i < 16; i++) {
      WebTestClient gateway = i % 2 == 0 ? first : second;
      int status = gateway.get().uri("/api/campaigns").header("Authorization", "Bearer " + token).exchange()
          .returnResult(String.class).getStatus().value();
      statuses.merge(status, 1, Integer::sum);
    }
    // 10 a minute for this user, across both instances (each alone would have allowed 10).
    assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 10, 429, 6));
  }

  @Test
  void login_attempts_are_counted_across_instances() {
    GatewayTestSupport.keycloak.stubFor(post("/realms/claraop/protocol/openid-connect/token")
        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
    String username = "shared-" + UUID.randomUUID() + "%40demo.test";
    for (int i = 0; i < 5; i++) {
      (i % 2 == 0 ? first : second).post().uri("/realms/claraop/protocol/openid-connect/token")
          .contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .bodyValue("grant_type=password&client_id=claraop-web&username=" + username + "&password=p" + i)
          .exchange().expectStatus().isBadRequest();
    }
    for (WebTestClient gateway : List.of(first, second)) {
      gateway.post().uri("/realms/claraop/protocol/openid-connect/token")
          .contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .bodyValue("grant_type=password&client_id=claraop-web&username=" + username + "&password=again")
          .exchange().expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
    }
  }

  @Test
  void when_redis_is_unreachable_the_limits_still_hold_in_process_and_the_failure_is_counted() throws Exception {
    GatewayTestSupport.services.stubFor(get("/api/campaigns").willReturn(aResponse().withStatus(200).withBody("{}")));
    String token = GatewayTestSupport.token();
    Map<Integer, Integer> statuses = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      int status = withoutRedis.get().uri("/api/campaigns").header("Authorization", "Bearer " + token).exchange()
          .returnResult(String.class).getStatus().value();
      statuses.merge(status, 1, Integer::sum);
    }
    assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 10, 429, 2));
    int management = Integer.parseInt(withoutRedisContext.getEnvironment().getProperty("local.management.port"));
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics.lines().filter(line -> line.startsWith("claraop_gateway_rate_limit_store_failures_total")))
        .singleElement().satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .isGreaterThanOrEqualTo(12));
  }

  private static ConfigurableApplicationContext start(String redisUrl) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", "0");
    properties.put("management.server.port", "0");
    properties.put("management.prometheus.metrics.export.enabled", "true");
    properties.put("claraop.gateway.http-redirect-port", "-1");
    properties.put("server.ssl.key-store", GatewayTestSupport.keystore.toString());
    properties.put("server.ssl.key-store-password", GatewayTestSupport.KEYSTORE_PASSWORD);
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", GatewayTestSupport.ISSUER);
    properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        GatewayTestSupport.identityProvider.baseUrl() + "/certs");
    GatewayTestSupport.identityProvider.stubFor(get("/certs").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(new com.nimbusds.jose.jwk.JWKSet(GatewayTestSupport.signingKey.toPublicJWK()).toString())));
    for (String service : List.of("IDENTITY", "PAYOUT", "GMAIL_INGEST", "AUDIT", "RETENTION", "SUPPORT_ACCESS")) {
      properties.put(service + "_SERVICE_URL", GatewayTestSupport.services.baseUrl());
    }
    properties.put("KEYCLOAK_URL", GatewayTestSupport.keycloak.baseUrl());
    properties.put("REDIS_URL", redisUrl);
    properties.put("claraop.gateway.rate-limits.store", "REDIS");
    properties.put("claraop.gateway.rate-limits.user.requests", "10");
    properties.put("claraop.gateway.rate-limits.user.per", "60s");
    properties.put("claraop.gateway.rate-limits.user.burst", "10");
    // As command-line arguments: they outrank application.yml, as the environment does in production.
    String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
        .toArray(String[]::new);
    // Loops of its own: a context using Reactor Netty's global ones disposes them when it closes, and the
    // gateway the other test classes share would then hang on every call to a service.
    ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
        .initializers(created -> ((org.springframework.context.support.GenericApplicationContext) created)
            .registerBean(org.springframework.http.client.ReactorResourceFactory.class, () -> {
              var resources = new org.springframework.http.client.ReactorResourceFactory();
              resources.setUseGlobalResources(false);
              return resources;
            }))
        .run(arguments);
    gateways.add(context);
    return context;
  }

  private static WebTestClient client(ConfigurableApplicationContext context) throws Exception {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    var ssl = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    return WebTestClient.bindToServer(new ReactorClientHttpConnector(
            reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))))
        .baseUrl("https://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
  }
}
