package dev.claraop.access.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detector against the corpora, and the checksums that keep ordinary numbers from being refused. */
class SensitiveContentTest {

  private final SensitiveContent detector = new SensitiveContent();

  @Test
  void every_sensitive_sample_is_found_and_named_by_its_kind() {
    List<Corpus.Sample> samples = Corpus.sensitive();
    assertThat(samples).hasSizeGreaterThanOrEqualTo(50);
    List<String> missed = samples.stream()
        .filter(s -> !detector.find(s.text()).equals(Optional.of(s.kind())))
        .map(s -> s.kind() + " sample #" + samples.indexOf(s) + " read as " + detector.find(s.text()))
        .toList();
    assertThat(missed).isEmpty();
    assertThat(java.util.EnumSet.copyOf(samples.stream().map(Corpus.Sample::kind).toList()))
        .containsExactlyInAnyOrder(SensitiveKind.values());
  }

  @Test
  void every_benign_message_passes_and_the_false_positive_rate_is_reported() {
    List<String> benign = Corpus.benign();
    assertThat(benign).hasSizeGreaterThanOrEqualTo(50);
    List<String> refused = benign.stream().filter(m -> detector.find(m).isPresent())
        .map(m -> "\"" + m + "\" read as " + detector.find(m).orElseThrow()).toList();
    System.out.printf("sensitive-content corpus: %d sensitive samples, %d benign; false positives %d (%.1f%%)%n",
        Corpus.sensitive().size(), benign.size(), refused.size(), 100.0 * refused.size() / benign.size());
    assertThat(refused).isEmpty();
  }

  @Test
  void a_number_that_fails_its_checksum_is_not_a_card_or_an_iban() {
    assertThat(detector.find("order 4111 1111 1111 1112")).isEmpty();
    assertThat(detector.find("ref DE89370400440532013001")).isEmpty();
    assertThat(detector.find("routing 021000022 account 1234567890")).isEmpty();
  }

  @Test
  void a_routing_number_alone_names_a_bank_not_an_account() {
    assertThat(detector.find("Is 021000021 the right routing number for Chase?")).isEmpty();
  }

  @Test
  void luhn_aba_and_entropy_work_as_published() {
    assertThat(SensitiveContent.luhn("79927398713")).isTrue();
    assertThat(SensitiveContent.luhn("79927398710")).isFalse();
    assertThat(SensitiveContent.aba("011000015")).isTrue();
    assertThat(SensitiveContent.aba("011000016")).isFalse();
    assertThat(SensitiveContent.looksRandom("9f8e7d6c5b4a39281706f5e4d3c2b1a0")).isTrue();
    assertThat(SensitiveContent.looksRandom("thisisjustalongword")).isFalse();
  }
}
