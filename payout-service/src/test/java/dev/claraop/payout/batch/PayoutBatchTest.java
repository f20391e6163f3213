package dev.claraop.payout.batch;

import dev.claraop.payout.batch.BatchCommands.GenerateBatch;
import dev.claraop.payout.batch.BatchEvents.BatchGenerated;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayoutBatchTest {

  private static final String BATCH = "batch-1";
  private static final String ADA = "user-ada";
  private FixtureConfiguration<PayoutBatch> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(PayoutBatch.class);
  }

  @Test
  void generating_a_batch_records_its_lines() {
    List<BatchLine> lines = List.of(line("c-1", "USD", "100.00"), line("c-2", "USD", "50.00"));
    fixture.givenNoPriorActivity()
        .when(new GenerateBatch(BATCH, "demo", "USD", ADA, lines))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new BatchGenerated(BATCH, "demo", "USD", ADA, lines))
        .expectState(batch -> org.assertj.core.api.Assertions.assertThat(batch.status()).isEqualTo(BatchStatus.GENERATED));
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

  private static BatchLine line(String creator, String currency, String amount) {
    return new BatchLine("line-" + creator + amount, creator, "Creator " + creator, new BigDecimal(amount), currency,
        List.of("inv-" + creator));
  }
}
