package dev.claraop.payout.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.payout.batch.BatchCommands.ApproveBatch;
import dev.claraop.payout.batch.BatchCommands.CancelBatch;
import dev.claraop.payout.batch.BatchCommands.GenerateBatch;
import dev.claraop.payout.batch.BatchCommands.MarkLineFailed;
import dev.claraop.payout.batch.BatchCommands.MarkLinePaid;
import dev.claraop.payout.batch.BatchCommands.PurgeBatch;
import dev.claraop.payout.batch.BatchCommands.RecordExport;
import dev.claraop.payout.batch.BatchEvents.BankDetailsDecrypted;
import dev.claraop.payout.batch.BatchEvents.BatchPurged;
import dev.claraop.payout.batch.BatchEvents.BatchApproved;
import dev.claraop.payout.batch.BatchEvents.BatchCancelled;
import dev.claraop.payout.batch.BatchEvents.BatchClosed;
import dev.claraop.payout.batch.BatchEvents.BatchExported;
import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import dev.claraop.payout.batch.BatchEvents.LineFailed;
import dev.claraop.payout.batch.BatchEvents.LinePaid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The batch's rules, one per test, on Axon's given/when/then fixture: given past events, when a command. */
class PayoutBatchTest {

  private static final String BATCH = "batch-1";
  private static final String TENANT = "demo";
  private static final String ADA = "user-ada";
  private static final String BEA = "user-bea";
  private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final BatchLine LINE_1 = line("c-1", "USD", "100.00");
  private static final BatchLine LINE_2 = line("c-2", "USD", "50.00");
  private FixtureConfiguration<PayoutBatch> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(PayoutBatch.class);
  }

  // --- generate

  @Test
  void generating_a_batch_records_its_lines() {
    List<BatchLine> lines = List.of(line("c-1", "USD", "100.00"), line("c-2", "USD", "50.00"));
    fixture.givenNoPriorActivity()
        .when(new GenerateBatch(BATCH, "demo", "USD", ADA, lines))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new BatchGenerated(BATCH, "demo", "USD", ADA, lines))
        .expectState(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.GENERATED));
  }

  @Test
  void a_batch_without_lines_is_refused() {
    fixture.givenNoPriorActivity()
        .when(new GenerateBatch(BATCH, "demo", "USD", ADA, List.of()))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void a_batch_pays_in_one_currency_only() {
    fixture.givenNoPriorActivity()
        .when(new GenerateBatch(BATCH, "demo", "USD", ADA, List.of(line("c-1", "USD", "1"), line("c-2", "EUR", "1"))))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void a_creator_has_one_line_per_batch() {
    fixture.givenNoPriorActivity()
        .when(new GenerateBatch(BATCH, "demo", "USD", ADA, List.of(line("c-1", "USD", "1"), line("c-1", "USD", "2"))))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  // --- approve

  @Test
  void an_admin_other_than_the_generator_approves_a_generated_batch() {
    fixture.given(generated())
        .when(new ApproveBatch(BATCH, TENANT, BEA))
        .expectEvents(new BatchApproved(BATCH, TENANT, BEA))
        .expectState(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.APPROVED));
  }

  @Test
  void the_generator_cannot_approve_their_own_batch() {
    fixture.given(generated())
        .when(new ApproveBatch(BATCH, TENANT, ADA))
        .expectException(BatchRejected.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("the generator cannot approve"))
        .expectNoEvents();
  }

  @ParameterizedTest(name = "a batch {0} cannot be approved")
  @MethodSource("everyStateAfterGenerated")
  void only_a_generated_batch_can_be_approved(String state, List<Object> history) {
    fixture.given(history)
        .when(new ApproveBatch(BATCH, TENANT, "user-cy"))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void another_tenant_cannot_approve_and_learns_nothing_of_the_batch() {
    fixture.given(generated())
        .when(new ApproveBatch(BATCH, "other", BEA))
        .expectException(BatchNotFound.class)
        .expectExceptionMessage("batch not found")
        .expectNoEvents();
  }

  // --- export (recorded; the bank file itself is made elsewhere)

  @Test
  void an_approved_batch_is_exported() {
    fixture.given(generated(), approved())
        .when(new RecordExport(BATCH, TENANT, BEA, "November payouts", ExportFormat.PAIN_001, SHA, 2))
        .expectEvents(new BatchExported(BATCH, TENANT, BEA, "November payouts", ExportFormat.PAIN_001, SHA, 2),
            new BankDetailsDecrypted(BATCH, TENANT, BEA, "November payouts", ExportFormat.PAIN_001, 2, SHA))
        .expectState(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.EXPORTED));
  }

  @Test
  void an_exported_batch_with_no_line_paid_may_be_exported_again() {
    fixture.given(generated(), approved(), exported(), failed(LINE_2))
        .when(new RecordExport(BATCH, TENANT, ADA, "bank rejected the first file", ExportFormat.CSV, SHA, 2))
        .expectEvents(new BatchExported(BATCH, TENANT, ADA, "bank rejected the first file", ExportFormat.CSV, SHA, 2),
            new BankDetailsDecrypted(BATCH, TENANT, ADA, "bank rejected the first file", ExportFormat.CSV, 2, SHA));
  }

  @Test
  void once_a_line_is_paid_the_batch_cannot_be_exported_again_so_nobody_is_paid_twice() {
    fixture.given(generated(), approved(), exported(), paid(LINE_1))
        .when(new RecordExport(BATCH, TENANT, BEA, "again", ExportFormat.PAIN_001, SHA, 2))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @ParameterizedTest(name = "a batch {0} cannot be exported")
  @MethodSource("statesThatCannotExport")
  void only_an_approved_batch_can_be_exported(String state, List<Object> history) {
    fixture.given(history)
        .when(new RecordExport(BATCH, TENANT, BEA, "payouts", ExportFormat.PAIN_001, SHA, 2))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void the_bank_file_must_hold_every_line_of_the_batch() {
    fixture.given(generated(), approved())
        .when(new RecordExport(BATCH, TENANT, BEA, "payouts", ExportFormat.PAIN_001, SHA, 1))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void an_export_states_its_purpose_and_names_its_file_by_sha256() {
    assertThatThrownBy(() -> new RecordExport(BATCH, TENANT, BEA, " ", ExportFormat.CSV, SHA, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecordExport(BATCH, TENANT, BEA, "payouts", ExportFormat.CSV, "abc", 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- cancel

  @ParameterizedTest(name = "a batch {0} can be cancelled")
  @MethodSource("statesBeforeAnyPayment")
  void a_batch_is_cancelled_before_any_payment_and_records_when(String state, List<Object> history) {
    fixture.given(history)
        .when(new CancelBatch(BATCH, TENANT, BEA, new BatchNote("budget moved"), AT))
        .expectEvents(new BatchCancelled(BATCH, TENANT, BEA, "budget moved", AT))
        .expectState(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.CANCELLED));
  }

  @Test
  void a_batch_with_a_paid_line_cannot_be_cancelled() {
    fixture.given(generated(), approved(), exported(), paid(LINE_1))
        .when(new CancelBatch(BATCH, TENANT, BEA, new BatchNote("too late"), AT))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void a_cancelled_batch_cannot_be_cancelled_again() {
    fixture.given(generated(), cancelled())
        .when(new CancelBatch(BATCH, TENANT, BEA, new BatchNote("again"), AT))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void a_fully_paid_batch_cannot_be_cancelled() {
    fixture.given(fullyPaid())
        .when(new CancelBatch(BATCH, TENANT, BEA, new BatchNote("after the fact"), AT))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void another_tenant_cannot_cancel() {
    fixture.given(generated())
        .when(new CancelBatch(BATCH, "other", BEA, new BatchNote("mine now"), AT))
        .expectException(BatchNotFound.class)
        .expectNoEvents();
  }

  // --- lines paid

  @Test
  void a_line_of_an_exported_batch_is_paid_and_the_batch_stays_open() {
    fixture.given(generated(), approved(), exported())
        .when(new MarkLinePaid(BATCH, TENANT, LINE_1.lineId(), BEA, AT))
        .expectEvents(new LinePaid(BATCH, TENANT, LINE_1.lineId(), "c-1", new BigDecimal("100.00"), "USD", BEA))
        .expectResultMessagePayload(BatchStatus.EXPORTED)
        .expectState(batch -> assertThat(batch.lineStatus(LINE_1.lineId())).isEqualTo(LineStatus.PAID));
  }

  @Test
  void paying_the_last_unpaid_line_closes_the_batch_as_fully_paid() {
    fixture.given(generated(), approved(), exported(), paid(LINE_1))
        .when(new MarkLinePaid(BATCH, TENANT, LINE_2.lineId(), BEA, AT))
        .expectEvents(new LinePaid(BATCH, TENANT, LINE_2.lineId(), "c-2", new BigDecimal("50.00"), "USD", BEA),
            new BatchClosed(BATCH, TENANT, BatchStatus.FULLY_PAID, BEA, AT, 2, new BigDecimal("150.00")))
        .expectResultMessagePayload(BatchStatus.FULLY_PAID)
        .expectState(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.FULLY_PAID));
  }

  @Test
  void a_paid_line_cannot_be_paid_twice() {
    fixture.given(generated(), approved(), exported(), paid(LINE_1))
        .when(new MarkLinePaid(BATCH, TENANT, LINE_1.lineId(), BEA, AT))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void a_failed_line_may_later_be_paid() {
    fixture.given(generated(), approved(), exported(), failed(LINE_1))
        .when(new MarkLinePaid(BATCH, TENANT, LINE_1.lineId(), BEA, AT))
        .expectEvents(new LinePaid(BATCH, TENANT, LINE_1.lineId(), "c-1", new BigDecimal("100.00"), "USD", BEA));
  }

  @ParameterizedTest(name = "no line of a batch {0} can be paid")
  @MethodSource("statesOtherThanExported")
  void lines_are_paid_only_once_the_batch_is_exported(String state, List<Object> history) {
    fixture.given(history)
        .when(new MarkLinePaid(BATCH, TENANT, LINE_2.lineId(), BEA, AT))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void a_line_the_batch_does_not_have_is_not_found() {
    fixture.given(generated(), approved(), exported())
        .when(new MarkLinePaid(BATCH, TENANT, "line-of-another-batch", BEA, AT))
        .expectException(BatchNotFound.class)
        .expectExceptionMessage("line not found")
        .expectNoEvents();
  }

  @Test
  void another_tenant_cannot_pay_a_line() {
    fixture.given(generated(), approved(), exported())
        .when(new MarkLinePaid(BATCH, "other", LINE_1.lineId(), BEA, AT))
        .expectException(BatchNotFound.class)
        .expectExceptionMessage("batch not found")
        .expectNoEvents();
  }

  // --- lines failed

  @Test
  void a_line_of_an_exported_batch_fails_and_stays_payable() {
    fixture.given(generated(), approved(), exported())
        .when(new MarkLineFailed(BATCH, TENANT, LINE_1.lineId(), BEA, new BatchNote("account closed")))
        .expectEvents(new LineFailed(BATCH, TENANT, LINE_1.lineId(), "c-1", new BigDecimal("100.00"), "USD", BEA,
            "account closed"))
        .expectState(batch -> {
          assertThat(batch.lineStatus(LINE_1.lineId())).isEqualTo(LineStatus.FAILED);
          assertThat(batch.status()).isEqualTo(BatchStatus.EXPORTED);
        });
  }

  @Test
  void a_failed_line_may_fail_again_when_its_retry_fails() {
    fixture.given(generated(), approved(), exported(), failed(LINE_1))
        .when(new MarkLineFailed(BATCH, TENANT, LINE_1.lineId(), BEA, new BatchNote("retry bounced")))
        .expectEvents(new LineFailed(BATCH, TENANT, LINE_1.lineId(), "c-1", new BigDecimal("100.00"), "USD", BEA,
            "retry bounced"));
  }

  @Test
  void a_paid_line_cannot_fail() {
    fixture.given(generated(), approved(), exported(), paid(LINE_1))
        .when(new MarkLineFailed(BATCH, TENANT, LINE_1.lineId(), BEA, new BatchNote("bank says no")))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @ParameterizedTest(name = "no line of a batch {0} can fail")
  @MethodSource("statesOtherThanExported")
  void lines_fail_only_once_the_batch_is_exported(String state, List<Object> history) {
    fixture.given(history)
        .when(new MarkLineFailed(BATCH, TENANT, LINE_2.lineId(), BEA, new BatchNote("bank says no")))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @Test
  void another_tenant_cannot_fail_a_line() {
    fixture.given(generated(), approved(), exported())
        .when(new MarkLineFailed(BATCH, "other", LINE_1.lineId(), BEA, new BatchNote("bank says no")))
        .expectException(BatchNotFound.class)
        .expectNoEvents();
  }

  // --- histories

  static Stream<Arguments> everyStateAfterGenerated() {
    return Stream.of(
        Arguments.of("APPROVED", List.of(generated(), approved())),
        Arguments.of("EXPORTED", List.of(generated(), approved(), exported())),
        Arguments.of("CANCELLED", List.of(generated(), cancelled())),
        Arguments.of("FULLY_PAID", fullyPaid()));
  }

  static Stream<Arguments> statesThatCannotExport() {
    return Stream.of(
        Arguments.of("GENERATED", List.of(generated())),
        Arguments.of("CANCELLED", List.of(generated(), approved(), cancelled())),
        Arguments.of("FULLY_PAID", fullyPaid()));
  }

  static Stream<Arguments> statesBeforeAnyPayment() {
    return Stream.of(
        Arguments.of("GENERATED", List.of(generated())),
        Arguments.of("APPROVED", List.of(generated(), approved())),
        Arguments.of("EXPORTED", List.of(generated(), approved(), exported())),
        Arguments.of("EXPORTED with a failed line", List.of(generated(), approved(), exported(), failed(LINE_1))));
  }

  static Stream<Arguments> statesOtherThanExported() {
    return Stream.of(
        Arguments.of("GENERATED", List.of(generated())),
        Arguments.of("APPROVED", List.of(generated(), approved())),
        Arguments.of("CANCELLED", List.of(generated(), approved(), exported(), cancelled())),
        Arguments.of("FULLY_PAID", fullyPaid()));
  }

  private static BatchGenerated generated() {
    return new BatchGenerated(BATCH, TENANT, "USD", ADA, List.of(LINE_1, LINE_2));
  }

  private static BatchApproved approved() {
    return new BatchApproved(BATCH, TENANT, BEA);
  }

  private static BatchExported exported() {
    return new BatchExported(BATCH, TENANT, BEA, "November payouts", ExportFormat.PAIN_001, SHA, 2);
  }

  private static BatchCancelled cancelled() {
    return new BatchCancelled(BATCH, TENANT, BEA, "budget moved", AT);
  }

  private static LinePaid paid(BatchLine line) {
    return new LinePaid(BATCH, TENANT, line.lineId(), line.creatorId(), line.amount(), line.currency(), BEA);
  }

  private static LineFailed failed(BatchLine line) {
    return new LineFailed(BATCH, TENANT, line.lineId(), line.creatorId(), line.amount(), line.currency(), BEA,
        "account closed");
  }

  private static List<Object> fullyPaid() {
    List<Object> history = new ArrayList<>(List.of(generated(), approved(), exported(), paid(LINE_1), paid(LINE_2)));
    history.add(new BatchClosed(BATCH, TENANT, BatchStatus.FULLY_PAID, BEA, AT, 2, new BigDecimal("150.00")));
    return history;
  }

  private static BatchLine line(String creator, String currency, String amount) {
    return line(creator, currency, amount, creator);
  }

  /** A line paying to bank details that {@code editor} set last. */
  private static BatchLine line(String creator, String currency, String amount, String editor) {
    return new BatchLine("line-" + creator + amount, creator, null, new BigDecimal(amount), currency,
        List.of("inv-" + creator), new BatchLine.BankSnapshot("batch:" + BATCH + ":1:0a1b2c3d:gAAAA", "••••3000", editor),
        "creator:" + TENANT + "." + creator + ":1:0a1b2c3d:gAAAA");
  }

  // --- four eyes on bank details

  @Test
  void the_last_editor_of_bank_details_the_batch_pays_to_cannot_approve_it() {
    BatchLine setByBea = line("c-3", "USD", "10.00", BEA);
    fixture.given(new BatchGenerated(BATCH, TENANT, "USD", ADA, List.of(LINE_1, setByBea)))
        .when(new ApproveBatch(BATCH, TENANT, BEA))
        .expectException(BatchRejected.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("last editor of bank details"))
        .expectNoEvents();
  }

  @Test
  void an_admin_who_set_no_bank_detail_of_the_batch_approves_it() {
    BatchLine setByCarl = line("c-3", "USD", "10.00", "user-carl");
    fixture.given(new BatchGenerated(BATCH, TENANT, "USD", ADA, List.of(LINE_1, setByCarl)))
        .when(new ApproveBatch(BATCH, TENANT, BEA))
        .expectEvents(new BatchApproved(BATCH, TENANT, BEA));
  }

  @Test
  void a_line_without_bank_details_is_refused_at_generation() {
    BatchLine bare = new BatchLine("line-x", "c-9", null, new BigDecimal("5.00"), "USD", List.of("inv-9"), null,
        "creator:" + TENANT + ".c-9:1:0a1b2c3d:gAAAA");
    fixture.givenNoPriorActivity()
        .when(new GenerateBatch(BATCH, TENANT, "USD", ADA, List.of(LINE_1, bare)))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  // --- purge (crypto-shredding)

  private static final java.time.Duration RETAINED = java.time.Duration.ofDays(30);

  @Test
  void a_batch_closed_thirty_days_ago_is_purged() {
    Instant due = AT.plus(RETAINED);
    fixture.given(fullyPaid())
        .when(new PurgeBatch(BATCH, "retention-service", due, RETAINED))
        .expectResultMessagePayload(true)
        .expectEvents(new BatchPurged(BATCH, TENANT, "retention-service", due, AT, 2))
        .expectState(batch -> assertThat(batch.purged()).isTrue());
  }

  @Test
  void a_cancelled_batch_is_purged_thirty_days_after_its_cancellation() {
    Instant due = AT.plus(RETAINED).plusSeconds(1);
    fixture.given(generated(), cancelled())
        .when(new PurgeBatch(BATCH, "retention-service", due, RETAINED))
        .expectEvents(new BatchPurged(BATCH, TENANT, "retention-service", due, AT, 2));
  }

  @Test
  void a_purge_before_the_retention_period_ends_is_refused() {
    fixture.given(fullyPaid())
        .when(new PurgeBatch(BATCH, "retention-service", AT.plus(RETAINED).minusMillis(1), RETAINED))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openStates")
  void an_open_batch_is_never_purged(String state, List<Object> history) {
    fixture.given(history)
        .when(new PurgeBatch(BATCH, "retention-service", AT.plus(java.time.Duration.ofDays(3650)), RETAINED))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }

  static Stream<Arguments> openStates() {
    return Stream.of(
        Arguments.of("GENERATED", List.of(generated())),
        Arguments.of("APPROVED", List.of(generated(), approved())),
        Arguments.of("EXPORTED", List.of(generated(), approved(), exported())),
        Arguments.of("EXPORTED, a line paid", List.of(generated(), approved(), exported(), paid(LINE_1))));
  }

  @Test
  void a_second_purge_changes_nothing() {
    Instant due = AT.plus(RETAINED);
    List<Object> history = new ArrayList<>(fullyPaid());
    history.add(new BatchPurged(BATCH, TENANT, "retention-service", due, AT, 2));
    fixture.given(history)
        .when(new PurgeBatch(BATCH, "retention-service", due.plusSeconds(60), RETAINED))
        .expectResultMessagePayload(false)
        .expectNoEvents();
  }

  @Test
  void a_purged_batch_is_never_exported_again() {
    fixture.given(generated(), approved(), exported(), new BatchCancelled(BATCH, TENANT, BEA, "budget moved", AT),
            new BatchPurged(BATCH, TENANT, "retention-service", AT.plus(RETAINED), AT, 2))
        .when(new RecordExport(BATCH, TENANT, BEA, "again", ExportFormat.CSV, SHA, 2))
        .expectException(BatchRejected.class)
        .expectNoEvents();
  }
}
