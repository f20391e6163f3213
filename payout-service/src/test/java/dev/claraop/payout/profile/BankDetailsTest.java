package dev.claraop.payout.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.events.bank.Iban;
import dev.claraop.platform.web.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a payout profile accepts; each refusal names the field and never repeats the value. */
class BankDetailsTest {

  private static PayoutProfileRequest uk(String iban, String bic) {
    return new PayoutProfileRequest("Ada Creator", "GB", "GBP", null, null, iban, bic, null);
  }

  private static PayoutProfileRequest us(String account, String routing) {
    return new PayoutProfileRequest("Ada Creator", "US", "USD", account, routing, null, null, "12-3456789");
  }

  @Test
  void a_valid_iban_and_bic_are_kept_compact_and_upper_case() {
    BankDetails details = BankDetails.from(uk("gb82 west 1234 5698 7654 32", "westgb2l"));
    assertThat(details.iban()).isEqualTo("GB82WEST12345698765432");
    assertThat(details.bic()).isEqualTo("WESTGB2L");
    assertThat(details.p0FieldsPresent()).containsExactly("iban", "bic");
    assertThat(details.toString()).doesNotContain("GB82");
  }

  @Test
  void a_us_account_needs_an_aba_routing_number_with_a_valid_check_digit() {
    assertThat(BankDetails.from(us("000123456789", "011000015")).routingCode()).isEqualTo("011000015");
    refused(us("000123456789", "011000016"), "routingCode", "011000016");
    refused(us("000123456789", null), "routingCode", null);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "iban, GB82WEST12345698765433",   // check digits fail (mod 97)
      "iban, GB82WEST123456987654",     // wrong length for GB
      "iban, ZZ82WEST12345698765432",   // no IBAN country
      "iban, not an iban at all",
      "bic, WESTGB2",                    // 7 characters
      "bic, WESTGB2LX",                  // 9 characters
      "bic, WEST992L",                   // country is not letters
      "bic, WESTQQ2L",                   // no such country
  })
  void a_bad_iban_or_bic_is_refused_by_name(String field, String value) {
    refused(field.equals("iban") ? uk(value, null) : uk("GB82WEST12345698765432", value), field, value);
  }

  @Test
  void the_other_fields_are_checked_too() {
    refused(new PayoutProfileRequest(null, "GB", "GBP", null, null, "GB82WEST12345698765432", null, null), "accountHolder", null);
    refused(new PayoutProfileRequest("A", "XX", "GBP", null, null, "GB82WEST12345698765432", null, null), "country", "XX");
    refused(new PayoutProfileRequest("A", "GB", "XYZ", null, null, "GB82WEST12345698765432", null, null), "currency", "XYZ");
    refused(new PayoutProfileRequest("A", "GB", "GBP", null, null, null, null, null), "iban", null);
    refused(us("12AB34", "011000015"), "accountNumber", "12AB34");
    refused(us("123", "011000015"), "accountNumber", null);
    refused(new PayoutProfileRequest("A", "US", "USD", "000123456789", "011000015", null, null, "$$"), "taxId", "$$");
    refused(new PayoutProfileRequest("A\nB", "GB", "GBP", null, null, "GB82WEST12345698765432", null, null), "accountHolder", null);
  }

  @Test
  void the_checksums_follow_their_standards() {
    assertThat(Iban.checksumHolds("DE89370400440532013000")).isTrue();
    assertThat(Iban.checksumHolds("DE89370400440532013001")).isFalse();
    assertThat(BankDetails.abaChecksumHolds("021000021")).isTrue();
    assertThat(BankDetails.abaChecksumHolds("021000022")).isFalse();
  }

  private static void refused(PayoutProfileRequest request, String field, String value) {
    assertThatThrownBy(() -> BankDetails.from(request))
        .isInstanceOfSatisfying(InvalidRequest.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          if (value != null) assertThat(e.getMessage()).doesNotContain(value.strip());
        });
  }
}
