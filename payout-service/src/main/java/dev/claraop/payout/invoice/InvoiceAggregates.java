package dev.claraop.payout.invoice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.platform.outbox.EventOutbox;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Account erasure of invoices (DESIGN §6.6): each invoice the user issued is counted into its tenant's
 * {@link InvoiceAggregate} for its month and currency, then deleted with its proofs of delivery (they live inside it).
 *
 * <p>Two documents change and the store has no transactions, so each invoice goes through three steps that a crash
 * at any point and a second run (redelivery, retry, another instance) complete without counting it twice: the
 * invoice is marked with a random fold token; the aggregate adds the invoice's amount only in the same write that
 * records the token (a conditional update); the invoice is deleted, then its token dropped from the aggregate.
 */
@Component
public class InvoiceAggregates {

  public static final String UNDATED = "undated";
  private static final String FOLD_TOKEN = "foldToken";
  private static final String FOLDING = "folding";
  private final MongoTemplate mongo;

  InvoiceAggregates(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** @return invoices of {@code creatorId} deleted by this call (0 when already erased) */
  public int foldAndDelete(String tenantId, String creatorId) {
    Query issued = query(where("tenantId").is(tenantId).and("creatorId").is(creatorId));
    // Not while an invoice's own events wait in its outbox: they would go with it. The relay drains them within
    // moments; the erasure is retried with back-off, best before anything was removed.
    if (mongo.exists(Query.of(issued).addCriteria(where(EventOutbox.FIELD + ".0").exists(true)), Invoice.class)) {
      throw new IllegalStateException("an invoice's events are not published yet; erasure retried");
    }
    int deleted = 0;
    for (Invoice invoice : mongo.find(issued, Invoice.class)) {
      String token = foldToken(invoice.id());
      if (token == null) continue; // deleted meanwhile by a concurrent run, which counted it
      String aggregate = count(invoice, token);
      // An event pushed since the check above (a decision that very moment) waits too; the fold token keeps the
      // retry from counting the invoice again.
      long removed = mongo.remove(query(where("_id").is(invoice.id()).and(FOLD_TOKEN).is(token)
          .and(EventOutbox.FIELD + ".0").exists(false)), Invoice.class).getDeletedCount();
      if (removed == 0 && mongo.exists(query(where("_id").is(invoice.id())), Invoice.class)) {
        throw new IllegalStateException("an invoice's events are not published yet; erasure retried");
      }
      deleted += (int) removed;
      mongo.updateFirst(query(where("_id").is(aggregate)), new Update().pull(FOLDING, token), InvoiceAggregate.class);
    }
    return deleted;
  }

  /** The invoice's fold token: the one a previous run gave it, else a new one; null once the invoice is gone. */
  private String foldToken(String invoiceId) {
    mongo.updateFirst(query(where("_id").is(invoiceId).and(FOLD_TOKEN).exists(false)),
        new Update().set(FOLD_TOKEN, UUID.randomUUID().toString()), Invoice.class);
    Document marked = mongo.findById(invoiceId, Document.class, mongo.getCollectionName(Invoice.class));
    return marked == null ? null : marked.getString(FOLD_TOKEN);
  }

  /** Adds the invoice to its aggregate unless its token shows it is there already; returns the aggregate's id. */
  private String count(Invoice invoice, String token) {
    String month = monthOf(invoice);
    String id = InvoiceAggregate.idOf(invoice.tenantId(), month, invoice.currency());
    Query notYetCounted = query(where("_id").is(id).and(FOLDING).ne(token));
    Update add = new Update().inc("count", 1).inc("total", new Decimal128(invoice.amount())).addToSet(FOLDING, token);
    try {
      mongo.upsert(notYetCounted, add.setOnInsert("tenantId", invoice.tenantId()).setOnInsert("month", month)
          .setOnInsert("currency", invoice.currency()), InvoiceAggregate.class);
    } catch (DuplicateKeyException exists) {
      // The aggregate exists and holds the token (counted before), or another fold inserted it a moment ago: the
      // same condition without the insert tells the two apart.
      mongo.updateFirst(notYetCounted, new Update().inc("count", 1).inc("total", new Decimal128(invoice.amount()))
          .addToSet(FOLDING, token), InvoiceAggregate.class);
    }
    return id;
  }

  private static String monthOf(Invoice invoice) {
    Instant at = invoice.submittedAt() != null ? invoice.submittedAt() : invoice.decidedAt();
    return at == null ? UNDATED : YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
  }
}
