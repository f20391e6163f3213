package dev.claraop.payout.invoice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.payout.InvoiceApproved;
import dev.claraop.events.payout.InvoiceRejected;
import dev.claraop.events.payout.InvoiceSubmitted;
import dev.claraop.payout.batch.BatchNote;
import dev.claraop.payout.campaign.Campaign;
import dev.claraop.payout.tenancy.PodScope;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.GrantScope;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.Conflict;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.NotFound;
import dev.claraop.platform.web.Page;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Invoices from submission to decision (DESIGN §6.3): a creator submits their own, an ADMIN or the MANAGER of the
 * creator's pod approves or rejects it, nobody edits it. Each change and its {@code payout.invoice.*} event are one
 * single-document write (platform-outbox). Another tenant's invoice, or one outside a manager's pods, is absent (404).
 */
@Component
public class Invoices {

  static final int MAX_PAGE = 200;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final MongoTemplate mongo;
  private final PodScope pods;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();

  Invoices(MongoTemplate mongo, PodScope pods, Clock clock) {
    this.mongo = mongo;
    this.pods = pods;
    this.clock = clock;
  }

  InvoiceView submit(ClaraPrincipal creator, String creatorName, SubmitInvoiceRequest request) {
    String currency = knownCurrency(request.currency());
    boolean campaignExists = mongo.exists(query(where("_id").is(request.campaignId()).and("tenantId").is(creator.tenantId())),
        Campaign.class);
    if (!campaignExists) throw new InvalidRequest("campaignId", "must name a campaign of your tenant");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // Time-ordered, so that the newest-first list pages by id.
    byte[] suffix = new byte[4];
    RANDOM.nextBytes(suffix);
    String id = "inv-%013d-%s".formatted(now.toEpochMilli(), HexFormat.of().formatHex(suffix));
    var amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
    EventEnvelope submitted = event(EventTypes.PAYOUT_INVOICE_SUBMITTED, now, creator, id,
        new InvoiceSubmitted(id, creator.userId(), request.campaignId(), amount, currency));
    Invoice invoice = new Invoice(id, creator.tenantId(), creator.userId(), creatorName, request.campaignId(), amount,
        currency, InvoiceStatus.SUBMITTED, null, now, null, null, null, List.copyOf(request.proofs()),
        EventOutbox.holding(EventTypes.PAYOUT_INVOICE_SUBMITTED, submitted));
    return InvoiceView.of(mongo.insert(invoice));
  }

  InvoiceView approve(ClaraPrincipal reviewer, String id) {
    Invoice invoice = decidable(reviewer, id);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return decide(invoice, InvoiceStatus.APPROVED, reviewer, now, null, event(EventTypes.PAYOUT_INVOICE_APPROVED, now,
        reviewer, id, new InvoiceApproved(id, invoice.creatorId(), reviewer.userId())));
  }

  InvoiceView reject(ClaraPrincipal reviewer, String id, String reason) {
    String note;
    try {
      note = new BatchNote(reason).text(); // the same rule as batch notes: no bank details in free text
    } catch (BatchNote.Refused refused) {
      throw new InvalidRequest("reason", refused.getMessage());
    }
    Invoice invoice = decidable(reviewer, id);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return decide(invoice, InvoiceStatus.REJECTED, reviewer, now, note, event(EventTypes.PAYOUT_INVOICE_REJECTED, now,
        reviewer, id, new InvoiceRejected(id, invoice.creatorId(), reviewer.userId())));
  }

  /**
   * Newest first: an ADMIN (or staff under an INVOICES_READ grant) the whole tenant's, a MANAGER their pods', a CREATOR
   * their own; narrowed by {@code status} and {@code creatorId} when given (a creator outside the reader's scope
   * narrows to nothing).
   */
  Page<InvoiceView> list(ClaraPrincipal reader, InvoiceStatus status, String creatorId, String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) throw new InvalidRequest("limit", "must be between 1 and " + MAX_PAGE);
    if (creatorId != null && creatorId.isBlank()) creatorId = null;
    Criteria scope = where("tenantId").is(reader.tenantId());
    if (!seesWholeTenant(reader)) {
      Set<String> visible = creatorsVisibleTo(reader);
      if (creatorId != null) visible = visible.contains(creatorId) ? Set.of(creatorId) : Set.of();
      scope = scope.and("creatorId").in(visible);
    } else if (creatorId != null) {
      scope = scope.and("creatorId").is(creatorId);
    }
    if (status != null) scope = scope.and("status").is(status);
    if (cursor != null && !cursor.isBlank()) scope = scope.and("_id").lt(cursor);
    List<Invoice> found = mongo.find(new Query(scope).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit + 1),
        Invoice.class);
    List<InvoiceView> page = found.stream().limit(limit).map(InvoiceView::of).toList();
    return new Page<>(page, found.size() > limit ? page.getLast().id() : null);
  }

  /** One invoice, in the reader's scope as {@link #list} draws it: outside it, or of another tenant, 404. */
  InvoiceView one(ClaraPrincipal reader, String id) {
    // By id alone, the tenant compared here: the devstack's Mongo stand-in serves only that from an index.
    Invoice invoice = mongo.findById(id, Invoice.class);
    if (invoice == null || !invoice.tenantId().equals(reader.tenantId())
        || !(seesWholeTenant(reader) || creatorsVisibleTo(reader).contains(invoice.creatorId()))) {
      throw new NotFound("invoice");
    }
    return InvoiceView.of(invoice);
  }

  private Invoice decidable(ClaraPrincipal reviewer, String id) {
    Invoice invoice = mongo.findOne(query(where("_id").is(id).and("tenantId").is(reviewer.tenantId())), Invoice.class);
    if (invoice == null) throw new NotFound("invoice");
    if (!reviewer.has(Role.ADMIN) && !pods.creatorsManagedBy(reviewer.tenantId(), reviewer.userId()).contains(invoice.creatorId())) {
      throw new NotFound("invoice"); // outside the manager's pods, as if it were not there
    }
    if (invoice.creatorId().equals(reviewer.userId())) {
      throw new AccessDeniedException("Nobody approves or rejects their own invoice.");
    }
    return invoice;
  }

  /** Only a submitted invoice is decided, once: two racing decisions find one of them already made (409). */
  private InvoiceView decide(Invoice invoice, InvoiceStatus status, ClaraPrincipal reviewer, Instant at, String reason,
      EventEnvelope event) {
    EventType<?> type = EventTypes.byName(event.type()).orElseThrow();
    Update update = EventOutbox.pushing(new Update().set("status", status).set("decidedBy", reviewer.userId())
        .set("decidedAt", at).set("rejectionReason", reason), type, event);
    long changed = mongo.updateFirst(query(where("_id").is(invoice.id()).and("tenantId").is(invoice.tenantId())
        .and("status").is(InvoiceStatus.SUBMITTED)), update, Invoice.class).getModifiedCount();
    if (changed == 0) {
      Invoice now = mongo.findById(invoice.id(), Invoice.class);
      throw new Conflict("the invoice is " + (now == null ? "gone" : now.status()) + "; only a submitted invoice is approved or rejected");
    }
    return InvoiceView.of(mongo.findById(invoice.id(), Invoice.class));
  }

  private static boolean seesWholeTenant(ClaraPrincipal reader) {
    return reader.has(Role.ADMIN) || reader.covers(GrantScope.INVOICES_READ);
  }

  private Set<String> creatorsVisibleTo(ClaraPrincipal reader) {
    Set<String> creators = new HashSet<>();
    if (reader.has(Role.MANAGER)) creators.addAll(pods.creatorsManagedBy(reader.tenantId(), reader.userId()));
    if (reader.has(Role.CREATOR)) creators.add(reader.userId());
    return creators;
  }

  private <T extends Record> EventEnvelope event(EventType<T> type, Instant at, ClaraPrincipal actor, String invoiceId, T data) {
    return codec.envelope(type, UUID.randomUUID(), at, actor.tenantId(), Actor.user(actor.userId()), invoiceId,
        CorrelationIdFilter.current(), null, data);
  }

  private static String knownCurrency(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode();
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequest("currency", "must be a known ISO 4217 code");
    }
  }
}
