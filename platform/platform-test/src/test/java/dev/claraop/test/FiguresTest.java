package dev.claraop.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void the_json_line_names_the_benchmark_first_and_keeps_the_order_figures_were_added_in() {
    Figures figures = new Figures("SomeBenchmark").with("lines", 20).with("sealMillis", 12L).with("speedUp", 2.34567);

    assertThat(figures.json()).isEqualTo("{\"benchmark\": \"SomeBenchmark\", \"lines\": 20, \"sealMillis\": 12, \"speedUp\": 2.346}");
  }

  @Test
  void a_figure_json_cannot_write_is_refused_when_it_is_added() {
    assertThatThrownBy(() -> new Figures("SomeBenchmark").with("rate", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
