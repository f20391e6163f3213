package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web console's TypeScript types are generated from the OpenAPI descriptions kept in {@code web/openapi/}.
 * They must be the ones the running services publish: a route or a view changed without refreshing them
 * ({@code cd web && npm run fetch:api} against {@code ./claraop up}) fails here, not in a user's browser.
 */
class OpenApiContractE2ETest {

  private static Suite suite;

  @BeforeAll
  static void suite() {
    suite = Suite.get();
  }

  @Test
  void the_consoles_api_descriptions_are_the_ones_the_services_publish() throws Exception {
    Path root = Path.of(System.getProperty("claraop.root", "..")).toAbsolutePath().normalize();
    HttpClient http = HttpClient.newHttpClient();
    Map<String, String> files = Map.of("identity-service", "identity", "payout-service", "payout",
        "gmail-ingest-service", "gmail-ingest", "audit-service", "audit", "retention-service", "retention",
        "support-access-service", "support-access");
    for (var service : files.entrySet()) {
      HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(suite.services.get(service.getKey())
          + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).as("%s describes the caller, whom the token names, as a parameter", service.getKey())
          .doesNotContain("ClaraPrincipal");
      JsonNode published = withoutServers(Api.JSON.readTree(live.body()));
      JsonNode kept = withoutServers(Api.JSON.readTree(Files.readString(root.resolve("web/openapi/" + service.getValue() + ".json"))));
      // Numbers compare by value: the file is written by JavaScript, which prints 1000000.0 as 1000000.
      boolean same = kept.equals((a, b) -> a.isNumber() && b.isNumber()
          ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1), published);
      assertThat(same).as("web/openapi/%s.json against %s's /v3/api-docs (refresh: cd web && npm run fetch:api)\n%s",
          service.getValue(), service.getKey(), published).isTrue();
    }
  }

  /** The address a service runs at is not part of its contract. */
  private static JsonNode withoutServers(JsonNode description) {
    ((ObjectNode) description).remove("servers");
    return description;
  }
}
