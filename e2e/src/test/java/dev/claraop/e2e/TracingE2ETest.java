package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One request followed through the logs of the running suite by its W3C trace id: the gateway's request line, the
 * service's, and audit-service's append after the event crossed Kafka (traceparent over HTTP, then kept with the
 * event in the Axon store, then a Kafka header). What the README's "follow one request" section shows.
 */
class TracingE2ETest {

  @Test
  void a_callers_trace_id_is_in_the_gateway_payout_and_audit_logs_of_that_request() {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    String trace = UUID.randomUUID().toString().replace("-", "");
    HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gateway + "/api/payout-profiles/" + Seeds.CREATOR_1))
        .header("Authorization", "Bearer " + api.token("admin@demo.claraop.dev"))
        .header("Content-Type", "application/json")
        .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
        .PUT(HttpRequest.BodyPublishers.ofString("""
            {"accountHolder":"Traced Creator","country":"US","currency":"USD","accountNumber":"000123450001",
             "routingCode":"011000015"}""")).build();

    assertThat(api.send(request).status()).isEqualTo(200);

    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      for (String component : List.of("gateway", "payout-service", "audit-service")) {
        assertThat(linesOf(suite.logs.resolve(component + ".log"), trace)).as(component).isNotEmpty();
      }
    });
    assertThat(linesOf(suite.logs.resolve("audit-service.log"), trace))
        .anySatisfy(line -> assertThat(line).startsWith("{").contains("audit entry appended: payout.profile.updated"));
    assertThat(linesOf(suite.logs.resolve("gateway.log"), trace))
        .anySatisfy(line -> assertThat(line).contains("\"traceId\":\"" + trace + "\"").contains("PUT /api/payout-profiles/"));
  }

  private static List<String> linesOf(Path log, String trace) {
    try (var lines = Files.lines(log)) {
      return lines.filter(line -> line.contains(trace)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
