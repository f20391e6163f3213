package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
}
