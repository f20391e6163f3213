package dev.claraop.payout.batch;

import dev.claraop.payout.batch.BatchCommands.GenerateBatch;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceReservations;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.Conflict;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.InvalidRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Generates a batch: reserves the tenant's approved, unpaid invoices in one currency, folds them into one
 * line per creator and asks the {@link PayoutBatch} aggregate to come into being. If the aggregate refuses,
 * the invoices are given back.
 */
@Component
class BatchGeneration {

  private final InvoiceReservations reservations;
  private final CommandGateway commands;
  private final Counter generated;

  BatchGeneration(InvoiceReservations reservations, CommandGateway commands, MeterRegistry meters) {
    this.reservations = reservations;
    this.commands = commands;
    this.generated = Counter.builder("claraop.payout.batches.generated")
        .description("Payout batches generated").register(meters);
  }

  BatchView generate(ClaraPrincipal admin, String currencyCode) {
    String currency = knownCurrency(currencyCode);
    String batchId = UUID.randomUUID().toString();
    List<Invoice> invoices = reservations.reserveApprovedUnpaid(admin.tenantId(), currency, batchId);
    if (invoices.isEmpty()) throw new Conflict("no approved, unpaid invoices in " + currency + " to pay");
    List<BatchLine> lines = linePerCreator(invoices, currency);
    try {
      commands.sendAndWait(new GenerateBatch(batchId, admin.tenantId(), currency, admin.userId(), lines),
          MetaData.with("requestId", String.valueOf(CorrelationIdFilter.current())));
    } catch (RuntimeException e) {
      reservations.release(batchId);
      throw e;
    }
    generated.increment();
    return view(batchId, currency, admin.userId(), lines);
  }

  private static String knownCurrency(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode();
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequest("currency", "is not a known ISO 4217 currency");
    }
  }

  private static List<BatchLine> linePerCreator(List<Invoice> invoices, String currency) {
    Map<String, List<Invoice>> byCreator = new LinkedHashMap<>();
    invoices.forEach(i -> byCreator.computeIfAbsent(i.creatorId(), k -> new ArrayList<>()).add(i));
    return byCreator.values().stream().map(own -> new BatchLine(
        UUID.randomUUID().toString(), own.getFirst().creatorId(), own.getFirst().creatorName(),
        own.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add), currency,
        own.stream().map(Invoice::id).toList())).toList();
  }

  static BatchView view(String batchId, String currency, String generatedBy, List<BatchLine> lines) {
    BigDecimal total = lines.stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new BatchView(batchId, currency, BatchStatus.GENERATED, generatedBy, null, null, total,
        lines.stream().map(l -> new BatchView.Line(l.lineId(), l.creatorId(), l.creatorName(), l.amount(),
            l.currency(), LineStatus.PENDING, null)).toList());
  }
}
