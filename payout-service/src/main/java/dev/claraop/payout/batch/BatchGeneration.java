package dev.claraop.payout.batch;

import dev.claraop.payout.batch.BatchCommands.GenerateBatch;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceReservations;
import dev.claraop.payout.profile.BankSnapshots;
import dev.claraop.payout.profile.ProfileSnapshot;
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

  /** How many creators without bank details a refusal names; the rest are counted. */
  private static final int MISSING_NAMED = 20;

  private final InvoiceReservations reservations;
  private final BankSnapshots snapshots;
  private final CreatorNames names;
  private final CommandGateway commands;
  private final Counter generated;
  private final int maxInvoices;

  BatchGeneration(
      InvoiceReservations reservations, BankSnapshots snapshots, CreatorNames names, CommandGateway commands,
      MeterRegistry meters, BatchSettings settings) {
    this.reservations = reservations;
    this.snapshots = snapshots;
    this.names = names;
    this.commands = commands;
    this.generated = Counter.builder("claraop.payout.batches.generated")
        .description("Payout batches generated").register(meters);
    this.maxInvoices = settings.maxInvoices();
  }

  BatchView generate(ClaraPrincipal admin, String currencyCode) {
    String currency = knownCurrency(currencyCode);
    String batchId = UUID.randomUUID().toString();
    long waiting = reservations.countApprovedUnpaid(admin.tenantId(), currency);
    if (waiting > maxInvoices) throw tooMany(waiting, currency);
    List<Invoice> invoices = reservations.reserveApprovedUnpaid(admin.tenantId(), currency, batchId);
    if (invoices.isEmpty()) throw new Conflict("no approved, unpaid invoices in " + currency + " to pay");
    if (invoices.size() > maxInvoices) { // approved between the count and the reservation
      reservations.release(batchId);
      throw tooMany(invoices.size(), currency);
    }
    List<BatchLine> lines;
    Map<String, String> namesByCreator = new LinkedHashMap<>();
    invoices.forEach(i -> namesByCreator.putIfAbsent(i.creatorId(), i.creatorName()));
    try {
      Map<String, ProfileSnapshot> banks = bankSnapshots(admin.tenantId(), invoices, batchId);
      lines = linePerCreator(invoices, currency, banks, names.seal(admin.tenantId(), namesByCreator));
      commands.sendAndWait(new GenerateBatch(batchId, admin.tenantId(), currency, admin.userId(), lines),
          MetaData.with("requestId", String.valueOf(CorrelationIdFilter.current())));
    } catch (RuntimeException e) {
      reservations.release(batchId);
      snapshots.discard(batchId);
      throw e;
    }
    generated.increment();
    return view(batchId, currency, admin.userId(), lines, namesByCreator);
  }

  private Conflict tooMany(long waiting, String currency) {
    return new Conflict(waiting + " approved, unpaid invoices in " + currency + " wait, more than the " + maxInvoices
        + " one batch may take (claraop.payout.batches.max-invoices): nothing was reserved");
  }

  private static String knownCurrency(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode();
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequest("currency", "is not a known ISO 4217 currency");
    }
  }

  /**
   * Every creator's bank account, re-sealed under the batch's data key. A creator without a payout profile makes
   * the whole generation a 409 naming them: a batch that silently left someone out would look like it paid everyone.
   */
  private Map<String, ProfileSnapshot> bankSnapshots(String tenantId, List<Invoice> invoices, String batchId) {
    List<String> creators = invoices.stream().map(Invoice::creatorId).distinct().toList();
    Map<String, ProfileSnapshot> found = snapshots.sealFor(tenantId, creators, batchId);
    List<String> missing = creators.stream().filter(c -> !found.containsKey(c)).sorted().toList();
    if (!missing.isEmpty()) {
      // Named up to a handful: a 10,000-creator tenant must not get a 10,000-id error document.
      String named = String.join(", ", missing.subList(0, Math.min(MISSING_NAMED, missing.size())))
          + (missing.size() > MISSING_NAMED ? " and " + (missing.size() - MISSING_NAMED) + " more" : "");
      throw new Conflict(missing.size() + " creator(s) have no payout profile (" + named
          + "): each must have one (PUT /api/payout-profiles/{creatorId}) before a batch can pay them");
    }
    return found;
  }

  /** One line per creator; the name goes into the event only sealed under the creator's key. */
  private static List<BatchLine> linePerCreator(
      List<Invoice> invoices, String currency, Map<String, ProfileSnapshot> snapshots, Map<String, String> sealedNames) {
    Map<String, List<Invoice>> byCreator = new LinkedHashMap<>();
    invoices.forEach(i -> byCreator.computeIfAbsent(i.creatorId(), k -> new ArrayList<>()).add(i));
    return byCreator.values().stream().map(own -> {
      ProfileSnapshot bank = snapshots.get(own.getFirst().creatorId());
      String creator = own.getFirst().creatorId();
      return new BatchLine(UUID.randomUUID().toString(), creator, null,
          own.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add), currency,
          own.stream().map(Invoice::id).toList(),
          new BatchLine.BankSnapshot(bank.sealedAccount(), bank.maskedAccount(), bank.editedBy()),
          sealedNames.get(creator));
    }).toList();
  }

  /**
   * The batch as just generated, with the names as the invoices gave them (the lines hold them sealed); a batch of
   * more than {@value BatchView#INLINE_LINES} lines is answered without them, as {@code GET /api/batches/{id}} does.
   */
  private static BatchView view(
      String batchId, String currency, String generatedBy, List<BatchLine> lines, Map<String, String> namesByCreator) {
    BigDecimal total = lines.stream().map(BatchLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<BatchView.Line> shown = lines.size() > BatchView.INLINE_LINES ? null : lines.stream()
        .map(l -> new BatchView.Line(l.lineId(), l.creatorId(), namesByCreator.get(l.creatorId()), l.amount(),
            l.currency(), LineStatus.PENDING, l.bank().account())).toList();
    return BatchView.of(batchId, currency, BatchStatus.GENERATED, generatedBy, null, null, total, lines.size(), shown,
        null, null);
  }
}
