package dev.claraop.payout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.test.Figures;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at its smallest size, so that a change that breaks it fails the build instead of its next reader.
 * Figures are printed, never asserted: two cores under a test run are no place for timing.
 */
class BankSnapshotSealingBenchmarkTest {

  @Test
  void twenty_lines_are_sealed_and_exported_both_ways_and_every_figure_is_reported() {
    Figures figures = BankSnapshotSealingBenchmark.run(20);

    System.out.println(figures.json());
    assertThat(figures.values().keySet()).containsExactly("benchmark", "lines", "setupMillis", "perFieldSealMillis",
        "perFieldExportMillis", "perFieldMongoCommands", "perSubjectSealMillis", "perSubjectExportMillis",
        "perSubjectMongoCommands", "sealSpeedUp", "exportSpeedUp");
    figures.values().entrySet().stream().skip(1)
        .forEach(figure -> assertThat(figure.getValue()).as(figure.getKey()).isInstanceOf(Number.class));
    assertThat(figures.json()).startsWith("{\"benchmark\": \"BankSnapshotSealingBenchmark\", \"lines\": 20, ")
        .endsWith("}").doesNotContain("\n");
  }
}
