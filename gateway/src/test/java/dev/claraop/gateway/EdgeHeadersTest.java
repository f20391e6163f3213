package dev.claraop.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** What every response carries, and where caches and crawlers may and may not go (the second seed's checks). */
class EdgeHeadersTest extends GatewayTestSupport {

  @Test
  void every_response_carries_the_security_headers_whoever_produced_it() throws Exception {
    // A service that sends weaker headers and names its software: the gateway's win, the names go.
    services.stubFor(get("/api/batches").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")
        .withHeader("X-Frame-Options", "SAMEORIGIN").withHeader("Server", "Apache-Coyote/1.1")
        .withHeader("X-Powered-By", "Servlet/6.1").withHeader("Cache-Control", "max-age=3600")));
    List<EntityExchangeResult<byte[]>> responses = List.of(
        https.get().uri("/api/batches").header("Authorization", "Bearer " + token()).exchange()
            .expectStatus().isOk().expectBody().returnResult(),
        https.get().uri("/").exchange().expectStatus().isOk().expectBody().returnResult(),
        https.get().uri("/security").exchange().expectStatus().isOk().expectBody().returnResult(),
        https.get().uri("/api/batches").exchange().expectStatus().isUnauthorized().expectBody().returnResult(),
        https.get().uri("/no-such-page").exchange().expectStatus().isNotFound().expectBody().returnResult());
    for (var response : responses) {
      HttpHeaders headers = response.getResponseHeaders();
      String what = response.getUrl() + " " + response.getStatus();
      assertThat(headers.getFirst("Strict-Transport-Security")).as(what)
          .isEqualTo("max-age=63072000; includeSubDomains; preload");
      assertThat(headers.getFirst("Content-Security-Policy")).as(what)
          .contains("default-src 'none'").contains("frame-ancestors 'none'");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
      assertThat(headers.get("X-Frame-Options")).as(what).containsExactly("DENY");
      assertThat(headers.getFirst("Referrer-Policy")).as(what).isEqualTo("no-referrer");
      assertThat(headers.getFirst("Permissions-Policy")).as(what).contains("camera=()").contains("geolocation=()");
      assertThat(headers.containsHeader("Server")).as(what).isFalse();
      assertThat(headers.containsHeader("X-Powered-By")).as(what).isFalse();
    }
  }

  @Test
  void private_areas_are_never_stored_or_indexed_and_public_pages_may_be_cached() throws Exception {
    services.stubFor(get("/api/invoices").willReturn(aResponse().withStatus(200)
        .withHeader("Cache-Control", "public, max-age=3600").withBody("{}")));
    https.get().uri("/api/invoices").header("Authorization", "Bearer " + token()).exchange()
        .expectHeader().valueEquals("Cache-Control", "no-store")
        .expectHeader().valueEquals("X-Robots-Tag", "noindex, nofollow");
    for (String path : List.of("/api/invoices", "/app/batches", "/api/audit/entries")) {
      https.get().uri(path).exchange()
          .expectHeader().valueEquals("Cache-Control", "no-store")
          .expectHeader().valueEquals("X-Robots-Tag", "noindex, nofollow");
    }
    for (String path : List.of("/", "/security", "/contact", "/robots.txt", "/sitemap.xml", "/site.css",
        "/.well-known/security.txt")) {
      https.get().uri(path).exchange()
          .expectStatus().isOk()
          .expectHeader().valueEquals("Cache-Control", "public, max-age=300")
          .expectHeader().doesNotExist("X-Robots-Tag");
    }
  }

  @Test
  void robots_keeps_crawlers_out_of_private_paths_and_the_sitemap_lists_public_pages_only() {
    String robots = https.get().uri("/robots.txt").exchange()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(robots).contains("User-agent: *", "Disallow: /api/", "Disallow: /app/",
        "Sitemap: https://localhost:" + port + "/sitemap.xml");
    String sitemap = https.get().uri("/sitemap.xml").exchange()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
        .expectBody(String.class).returnResult().getResponseBody();
    List<String> locations = sitemap.lines().filter(line -> line.contains("<loc>"))
        .map(line -> line.replaceAll(".*<loc>(.*)</loc>.*", "$1")).toList();
    String origin = "https://localhost:" + port;
    assertThat(locations).containsExactly(origin + "/", origin + "/security", origin + "/contact");
    for (String location : locations) {
      https.get().uri(location.substring(origin.length())).exchange().expectStatus().isOk()
          .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
  }

  @Test
  void security_txt_names_the_dedicated_contact_path_and_has_not_expired() {
    String text = https.get().uri("/.well-known/security.txt").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
        .expectBody(String.class).returnResult().getResponseBody();
    String origin = "https://localhost:" + port;
    assertThat(text.lines()).contains("Contact: mailto:security@claraop.dev", "Policy: " + origin + "/security",
        "Preferred-Languages: en", "Canonical: " + origin + "/.well-known/security.txt");
    java.time.Instant expires = java.time.Instant.parse(text.lines().filter(l -> l.startsWith("Expires: "))
        .findFirst().orElseThrow().substring("Expires: ".length()));
    assertThat(expires).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(30)))
        .isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(365)));
  }

  @Test
  void errors_are_problem_documents_without_internals() {
    for (String path : List.of("/no-such-page", "/static/index.html", "/site/security.html", "/actuator/env",
        "/edge/../api/batches")) {
      https.get().uri(path).exchange()
          .expectStatus().value(status -> assertThat(status).as(path).isIn(400, 401, 404))
          .expectBody(String.class).value(body -> assertThat(body).as(path)
              .doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("trace")
              .doesNotContain("<html"));
    }
    https.get().uri("/no-such-page").exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.requestId").exists();
  }
}
