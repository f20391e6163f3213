package dev.claraop.payout.batch;

import dev.claraop.payout.batch.BatchCommands.ApproveBatch;
import dev.claraop.payout.batch.BatchCommands.CancelBatch;
import dev.claraop.payout.batch.BatchCommands.MarkLineFailed;
import dev.claraop.payout.batch.BatchCommands.MarkLinePaid;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.InvalidRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * A batch's life after generation, as an ADMIN drives it: approve, cancel, and record what the bank did
 * with each line. The {@link PayoutBatch} decides; refusals surface as 409, unknown or foreign batches as
 * 404, and nothing is counted unless the batch accepted the command.
 */
@Component
class BatchLifecycle {

  private final CommandGateway commands;
  private final Clock clock;
  private final Counter approved;
  private final Counter cancelled;
  private final Counter linesPaid;
  private final Counter linesFailed;
  private final Counter fullyPaid;

  BatchLifecycle(CommandGateway commands, Clock clock, MeterRegistry meters) {
    this.commands = commands;
    this.clock = clock;
    this.approved = Counter.builder("claraop.payout.batches.approved")
        .description("Payout batches approved (four eyes)").register(meters);
    this.cancelled = Counter.builder("claraop.payout.batches.cancelled")
        .description("Payout batches cancelled before payment").register(meters);
    this.fullyPaid = Counter.builder("claraop.payout.batches.closed")
        .description("Payout batches closed as fully paid").register(meters);
    this.linesPaid = Counter.builder("claraop.payout.lines.paid")
        .description("Batch lines recorded as paid by the bank").register(meters);
    this.linesFailed = Counter.builder("claraop.payout.lines.failed")
        .description("Batch lines recorded as failed by the bank").register(meters);
  }

  void approve(ClaraPrincipal admin, String batchId) {
    send(new ApproveBatch(batchId, admin.tenantId(), admin.userId()));
    approved.increment();
  }

  void cancel(ClaraPrincipal admin, String batchId, String reason) {
    send(new CancelBatch(batchId, admin.tenantId(), admin.userId(), note(reason), now()));
    cancelled.increment();
  }

  void markPaid(ClaraPrincipal admin, String batchId, String lineId) {
    BatchStatus after = send(new MarkLinePaid(batchId, admin.tenantId(), lineId, admin.userId(), now()));
    linesPaid.increment();
    if (after == BatchStatus.FULLY_PAID) fullyPaid.increment();
  }

  void markFailed(ClaraPrincipal admin, String batchId, String lineId, String reason) {
    send(new MarkLineFailed(batchId, admin.tenantId(), lineId, admin.userId(), note(reason)));
    linesFailed.increment();
  }

  private <R> R send(Object command) {
    return commands.sendAndWait(command, MetaData.with("requestId", String.valueOf(CorrelationIdFilter.current())));
  }

  // Milliseconds: what MongoDB keeps, so the closing time reads back as it was decided.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static BatchNote note(String reason) {
    try {
      return new BatchNote(reason);
    } catch (BatchNote.Refused refused) {
      throw new InvalidRequest("reason", refused.getMessage());
    }
  }
}
