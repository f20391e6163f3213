package dev.claraop.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedTest {

  @Test
  void only_the_last_four_characters_show_behind_a_fixed_mask() {
    assertThat(Masked.of("DE89 3704 0044 0532 0130 00")).isEqualTo("••••3000");
    assertThat(Masked.of("021000021")).isEqualTo("••••0021");
  }

  @Test
  void the_mask_does_not_reveal_length_or_short_values() {
    assertThat(Masked.of("12345678901234")).hasSameSizeAs(Masked.of("56781234"));
    assertThat(Masked.of("1234")).isEqualTo("••••");
    assertThat(Masked.of("")).isEqualTo("••••");
    assertThat(Masked.of(null)).isNull();
  }
}
