package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The alert rules and dashboards in infra/ ask only for metrics the running suite really exposes, and every
 * component of the suite is scrapeable (issue 2: health and Prometheus metrics everywhere).
 */
class ObservabilityE2ETest {

  private static final Pattern OUR_METRIC = Pattern.compile("claraop_[a-z_]+");

  @Test
  void every_metric_the_alerts_and_dashboards_use_is_exposed_by_the_running_suite() throws Exception {
    Suite suite = Suite.get();
    HttpClient http = HttpClient.newHttpClient();
    StringBuilder scraped = new StringBuilder();
    for (Map.Entry<String, String> target : suite.metrics.entrySet()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target.getValue())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(target.getKey()).isEqualTo(200);
      assertThat(response.body()).as(target.getKey()).contains("application=\"" + target.getKey() + "\"");
      scraped.append(response.body());
    }
    Set<String> used = new TreeSet<>();
    Path infra = Path.of(System.getProperty("claraop.root", "..")).resolve("infra");
    try (Stream<Path> files = Stream.concat(Files.walk(infra.resolve("prometheus")), Files.walk(infra.resolve("grafana/dashboards")))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".json"))
          .filter(f -> !f.toString().contains("/target/")).toList()) {
        if (file.getFileName().toString().contains("_test")) continue; // promtool fixtures name made-up series
        Matcher metric = OUR_METRIC.matcher(Files.readString(file));
        while (metric.find()) used.add(metric.group());
      }
    }
    assertThat(used).isNotEmpty();
    for (String metric : used) assertThat(scraped).as("exposed metric %s", metric).contains(metric);
    assertThat(scraped).contains("http_server_requests_seconds_count");
  }

  /**
   * In Prometheus every service's series carry `application` (the service's own tag) and `instance` (the scrape
   * target, host:port, which Prometheus sets on every series it scrapes; a service-side `instance` tag would be
   * renamed exported_instance), so dashboards and alerts can tell services and their instances apart.
   */
  @Test
  void every_service_is_scraped_with_its_application_and_instance_labels() {
    Suite suite = Suite.get();
    HttpClient http = HttpClient.newHttpClient();
    Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
      Set<String> labelled = new TreeSet<>();
      for (JsonNode series : query(http, suite.prometheus, "group by (application, instance) (jvm_memory_used_bytes)")) {
        JsonNode labels = series.path("metric");
        if (!labels.path("instance").asString("").isBlank()) labelled.add(labels.path("application").asString(""));
      }
      List<String> targets = new ArrayList<>();
      HttpResponse<String> active = http.send(HttpRequest.newBuilder(URI.create(suite.prometheus + "/api/v1/targets"))
          .build(), HttpResponse.BodyHandlers.ofString());
      Api.JSON.readTree(active.body()).path("data").path("activeTargets").forEach(t -> targets.add(
          t.path("labels").path("job").asString() + " " + t.path("health").asString() + " " + t.path("lastError").asString()));
      assertThat(labelled).as("applications whose series carry an instance (targets: %s)", targets)
          .containsAll(suite.metrics.keySet());
    });
  }

  private static JsonNode query(HttpClient http, String prometheus, String promql) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    return Api.JSON.readTree(response.body()).path("data").path("result");
  }
}
