package dev.claraop.events.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an IBAN is (ISO 13616, the SWIFT registry's lengths) and how a typed one is read. */
class IbanTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300",
      "BE68539007547034", "NO9386011117947", "CH9300762011623852957", "ES9121000418450200051332",
      "IT60X0542811101000000123456", "LC55HEMM000100010012001200023015", "MT84MALT011000012345MTLCAST001S"})
  void registry_ibans_of_many_countries_and_lengths_are_valid(String value) {
    assertThat(new Iban(value).value()).isEqualTo(value);
    assertThat(Iban.lengthIn(value.substring(0, 2))).hasValue(value.length());
  }

  @Test
  void a_typed_iban_loses_its_spaces_and_is_read_in_upper_case() {
    assertThat(Iban.typed("gb82 west 1234 5698 7654 32").value()).isEqualTo("GB82WEST12345698765432");
    assertThat(Iban.typed("  GB82WEST12345698765432 ").value()).isEqualTo("GB82WEST12345698765432");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GB82WEST123456987654        | has the wrong length for its country",
      "GB82WEST1234569876543200    | has the wrong length for its country",
      "GB82WEST12345698765433      | fails its check digits (mod 97)",
      "DE89370400440532013001      | fails its check digits (mod 97)",
      "ZZ82WEST12345698765432      | names a country that does not use IBANs",
      "US82WEST12345698765432      | names a country that does not use IBANs",
      "not an iban at all          | is not an IBAN (ISO 13616)",
      "GB82-WEST-1234-5698-7654-32 | is not an IBAN (ISO 13616)"})
  void an_iban_breaking_a_rule_is_refused_naming_the_rule_not_the_value(String typed, String rule) {
    assertThatThrownBy(() -> Iban.typed(typed)).isInstanceOf(Iban.Invalid.class).hasMessage(rule)
        .hasMessageNotContaining("WEST");
  }

  @Test
  void the_value_itself_is_compact_and_upper_case() {
    assertThatThrownBy(() -> new Iban("gb82west12345698765432")).isInstanceOf(Iban.Invalid.class);
    assertThatThrownBy(() -> new Iban("GB82 WEST 1234 5698 7654 32")).isInstanceOf(Iban.Invalid.class);
    assertThatThrownBy(() -> new Iban(null)).isInstanceOf(Iban.Invalid.class);
    assertThatThrownBy(() -> Iban.typed(null)).isInstanceOf(Iban.Invalid.class);
  }

  @Test
  void the_checksum_alone_looks_at_neither_country_nor_length() {
    assertThat(Iban.checksumHolds("DE89370400440532013000")).isTrue();
    assertThat(Iban.checksumHolds("DE89370400440532013001")).isFalse();
    assertThat(Iban.checksumHolds("ZZ33123456789012345")).isTrue(); // no such country, yet the digits hold
    assertThat(Iban.lengthIn("US")).isEmpty();
  }

  @Test
  void its_text_never_shows_the_number() {
    assertThat(new Iban("DE89370400440532013000").toString()).doesNotContain("8937");
  }
}
