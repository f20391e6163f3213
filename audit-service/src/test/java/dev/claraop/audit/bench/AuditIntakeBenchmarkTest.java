package dev.claraop.audit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.test.Figures;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark at its smallest size, on the module's shared Kafka and Mongo, so that a change that breaks it fails
 * the build instead of its next reader. Figures are printed, never asserted: two cores under a test run are no place
 * for timing.
 */
class AuditIntakeBenchmarkTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // a broken intake would otherwise leave the benchmark waiting forever
  void two_hundred_events_and_two_seconds_at_20_a_second_are_all_appended_and_every_figure_is_reported() throws Exception {
    Figures figures = AuditIntakeBenchmark.run(200, 20, 2);

    System.out.println(figures.json());
    assertThat(figures.values().keySet()).containsExactly("benchmark", "events", "prefillSeconds",
        "rawRecordsPerSecond", "appendedPerSecond", "appendedPercentOfRaw", "steadyRate", "steadySeconds",
        "steadyAppended", "steadyLagP50Ms", "steadyLagP99Ms", "steadyLagMaxMs");
    figures.values().entrySet().stream().skip(1)
        .forEach(figure -> assertThat(figure.getValue()).as(figure.getKey()).isInstanceOf(Number.class));
    assertThat(figures.get("steadyAppended")).isEqualTo(40);
    assertThat(figures.json()).startsWith("{\"benchmark\": \"AuditIntakeBenchmark\", \"events\": 200, ")
        .endsWith("}").doesNotContain("\n");
  }
}
