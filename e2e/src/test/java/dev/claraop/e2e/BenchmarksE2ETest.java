package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.e2e.bench.GatewayLatencyBenchmark;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's benchmarks against the suite at their smallest size, so that a benchmark broken by a change fails
 * the build instead of the next person who runs it. Figures are printed, never asserted: two cores under a test run
 * are no place for timing.
 */
class BenchmarksE2ETest {

  @Test
  void batch_at_scale_runs_end_to_end_and_reports_every_figure() throws Exception {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    // A tenant of its own with two ADMINs (four eyes), so the batch pays this run's invoices alone.
    String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    String first = seeds.tenantAdmin(tenant);
    String second = "admin2@" + tenant + ".e2e.claraop.dev";
    seeds.tenantUser(tenant, second, "ADMIN");

    Figures figures = BatchAtScaleBenchmark.run(suite, tenant, first, second, 5);

    figures.print(BatchAtScaleBenchmark.TARGETS);
    for (Figures.Target target : BatchAtScaleBenchmark.TARGETS) {
      assertThat(figures.get(target.key())).as(target.key()).isInstanceOf(Number.class);
    }
    assertThat(figures.json()).startsWith("{\"benchmark\": \"BatchAtScaleBenchmark\", \"lines\": 5,")
        .contains("\"exportPain001PeakHeapMb\"");
  }

  @Test
  void gateway_latency_runs_against_both_paths_and_reports_every_figure() throws Exception {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    HttpClient http = HttpClient.newBuilder().sslContext(api.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();

    Figures figures = GatewayLatencyBenchmark.measure(http, suite.gateway, suite.services.get("payout-service"),
        api.token("admin@demo.claraop.dev"), 5, 2, 0);

    figures.print(GatewayLatencyBenchmark.TARGETS);
    for (String key : List.of("directP50Ms", "directP99Ms", "gatewayP50Ms", "gatewayP99Ms", "p50OverheadMs", "p99Ratio")) {
      assertThat(figures.get(key)).as(key).isInstanceOf(Double.class);
    }
    // Ten requests each way, every one answered: a benchmark whose requests fail measures nothing.
    assertThat(figures.get("directErrors")).isEqualTo(0);
    assertThat(figures.get("gatewayErrors")).isEqualTo(0);
    assertThat(figures.json()).startsWith("{\"benchmark\": \"GatewayLatencyBenchmark\", \"ratePerTarget\": 5,");
  }
}
