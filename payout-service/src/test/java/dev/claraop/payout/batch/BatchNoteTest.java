package dev.claraop.payout.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchNoteTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "refund to DE89370400440532013000", "refund to de89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32",
      "account 000123456789", "routing 021000021 wrong", "card 4111 1111 1111 1111", "acct 12-345-678-9"})
  void a_note_holding_bank_details_is_refused_without_repeating_them(String text) {
    assertThatThrownBy(() -> new BatchNote(text))
        .isInstanceOf(BatchNote.Refused.class)
        .hasMessage("must not contain account numbers or other bank details");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Campaign budget moved to December", "see ticket AB12 for details please", "invoice 2026-11 was duplicated",
      "paid on 2026-11-20 by hand", "Bank returned the transfer: account closed", "Q4 NOV2025 payout run"})
  void ordinary_notes_are_kept(String text) {
    assertThat(new BatchNote(text).text()).isEqualTo(text);
  }

  @Test
  void a_note_is_one_line_of_at_most_200_characters_and_not_blank() {
    assertThatThrownBy(() -> new BatchNote("  ")).hasMessage("must not be blank");
    assertThatThrownBy(() -> new BatchNote(null)).hasMessage("must not be blank");
    assertThatThrownBy(() -> new BatchNote("x".repeat(201))).hasMessage("must be at most 200 characters");
    assertThatThrownBy(() -> new BatchNote("two\nlines")).hasMessage("must be a single line of text");
    assertThat(new BatchNote("  padded  ").text()).isEqualTo("padded");
    assertThat(new BatchNote("x".repeat(200)).text()).hasSize(200);
  }
}
