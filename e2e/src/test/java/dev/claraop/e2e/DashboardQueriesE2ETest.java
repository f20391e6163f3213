package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every panel of every Grafana dashboard in infra/grafana/dashboards asks Prometheus a question that parses
 * and has an answer once the suite has done real work: the Prometheus that ./claraop up starts is scraping
 * the suite; through the gateway a batch is generated, approved by a second ADMIN and exported with a purpose,
 * a purge is run, a public form holding an IBAN is refused, and an account is locked by failed logins at
 * Keycloak; then each panel's query (Grafana's variables filled in as Grafana would) must return at least one
 * series. A panel that can never show data fails.
 */
class DashboardQueriesE2ETest {

  private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
      "$__rate_interval", "1m", "$__interval", "15s", "$__range", "15m", "$application", ".*");

  @Test
  void every_dashboard_panel_query_returns_series_from_the_running_suite() throws Exception {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    String admin = api.token("admin@demo.claraop.dev");
    seeds.approvedInvoice("demo", Seeds.CREATOR_1, "Cleo Creator", "10.00");
    assertThat(api.post("/api/batches", admin, "{\"currency\":\"USD\"}").status()).isIn(201, 409);
    api.get("/api/audit/entries", admin);
    exportedBatchAndPurgeRun(api, seeds);
    refusedPublicForm(api);
    lockedOutAccount(api, seeds);

    Map<String, String> queries = panelQueries();
    assertThat(queries).isNotEmpty();
    HttpClient http = HttpClient.newHttpClient();
    Map<String, String> failures = new LinkedHashMap<>();
    // Rates need two scrapes after the flow (the devstack scrapes every 5 s).
    try {
      Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).until(() -> {
        failures.clear();
        for (var panel : queries.entrySet()) {
          String outcome = ask(http, suite.prometheus, panel.getValue());
          if (outcome != null) failures.put(panel.getKey(), outcome);
        }
        return failures.isEmpty();
      });
    } catch (ConditionTimeoutException timedOut) {
      // reported below, panel by panel
    }
    assertThat(failures).as("panels without data after 90 s").isEmpty();
  }

  /** payouts-privacy: a batch through four-eyes approval to its bank file (a PII decryption), then a purge run. */
  private static void exportedBatchAndPurgeRun(Api api, Seeds seeds) {
    String tenant = "e2e-dash-" + UUID.randomUUID().toString().substring(0, 8);
    String generator = api.token(seeds.tenantAdmin(tenant));
    String approverName = "approver@" + tenant + ".e2e.claraop.dev";
    seeds.tenantUser(tenant, approverName, "ADMIN");
    String approver = api.token(approverName);
    String creator = seeds.invitedCreator(generator);
    seeds.payoutProfile(generator, creator); // the generator set the bank details: the other ADMIN approves
    seeds.approvedInvoice(tenant, creator, "Dana Dash", "25.00");
    Api.Response generated = api.post("/api/batches", generator, "{\"currency\":\"USD\"}");
    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    String batch = "/api/batches/" + generated.json().get("id").asString();
    assertThat(api.post(batch + "/approve", approver, "").status()).isEqualTo(204);
    Api.Response exported = api.post(batch + "/export", approver, "{\"purpose\":\"dashboard check\",\"format\":\"CSV\"}");
    assertThat(exported.status()).as(exported.body()).isEqualTo(200);
    assertThat(api.post("/api/cron/run-payout-purge", generator, "").status()).isEqualTo(200);
  }

  /** access: a contact form holding an IBAN is refused (or, if other tests spent the form budget, rate-limited). */
  private static void refusedPublicForm(Api api) {
    Api.Response refused = api.post("/api/public/contact", null,
        "{\"email\":\"dash@example.com\",\"topic\":\"SUPPORT\",\"message\":\"Pay me at DE89370400440532013000\"}");
    assertThat(refused.status()).isIn(422, 429);
  }

  /** access: wrong passwords for a new account until Keycloak's brute-force detection locks it. */
  private static void lockedOutAccount(Api api, Seeds seeds) {
    String username = "lockout-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.claraop.dev";
    seeds.tenantUser("e2e-lock-" + UUID.randomUUID().toString().substring(0, 8), username, "CREATOR");
    for (int attempt = 0; attempt < 6; attempt++) {
      int n = attempt;
      assertThatThrownBy(() -> api.token(username, "wrong-password-" + n)).isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> api.token(username)).as("locked, even with the right password")
        .isInstanceOf(IllegalStateException.class);
  }

  /** null when the query parsed and returned at least one series; otherwise what went wrong. */
  private static String ask(HttpClient http, String prometheus, String query) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/query?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = Api.JSON.readTree(response.body());
    if (!"success".equals(body.path("status").asString())) return "error: " + body.path("error").asString();
    return body.path("data").path("result").isEmpty() ? "no series" : null;
  }

  /** "dashboard / panel title" → its PromQL with Grafana's variables filled in. */
  private static Map<String, String> panelQueries() throws Exception {
    Path dashboards = Path.of(System.getProperty("claraop.root", "..")).resolve("infra/grafana/dashboards");
    Map<String, String> queries = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dashboards)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode dashboard = Api.JSON.readTree(Files.readString(file));
        List<JsonNode> panels = new ArrayList<>();
        collect(dashboard.path("panels"), panels);
        for (JsonNode panel : panels) {
          int n = 0;
          for (JsonNode target : panel.path("targets")) {
            String expr = target.path("expr").asString();
            if (expr.isBlank()) continue;
            for (var variable : GRAFANA_VARIABLES.entrySet()) expr = expr.replace(variable.getKey(), variable.getValue());
            queries.put(dashboard.path("title").asString() + " / " + panel.path("title").asString() + (n++ > 0 ? " #" + n : ""), expr);
          }
        }
      }
    }
    return queries;
  }

  private static void collect(JsonNode panels, List<JsonNode> into) {
    for (JsonNode panel : panels) {
      into.add(panel);
      collect(panel.path("panels"), into); // rows hold their panels
    }
  }
}
