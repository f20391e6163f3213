package dev.claraop.payout.invoice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reserves approved, unpaid invoices for a batch. One multi-document update takes every invoice that is still
 * free ({@code batchId} empty): each document's update is atomic and re-checks that condition, so two batches
 * generated at once never both take one invoice. (One command, not one per invoice: a 10,000-line batch spent
 * most of its two minutes in 10,000 round trips.)
 */
@Component
public class InvoiceReservations {

  private final MongoTemplate mongo;

  InvoiceReservations(MongoTemplate mongo) {
    this.mongo = mongo;
    // A batch's invoices, and the free ones (batchId null) a generation reserves; then a tenant's, newest first, and
    // one creator's (lists, erasure).
    IndexOperations invoices = mongo.indexOps(Invoice.class);
    invoices.createIndex(new Index().on("batchId", Sort.Direction.ASC).on("tenantId", Sort.Direction.ASC)
        .on("status", Sort.Direction.ASC).on("currency", Sort.Direction.ASC).named("batch_reservation"));
    invoices.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC)
        .named("tenant_newest"));
    invoices.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("creatorId", Sort.Direction.ASC)
        .on("_id", Sort.Direction.DESC).named("tenant_creator"));
  }

  public List<Invoice> reserveApprovedUnpaid(String tenantId, String currency, String batchId) {
    mongo.updateMulti(approvedUnpaid(tenantId, currency), Update.update("batchId", batchId), Invoice.class);
    return mongo.find(query(where("tenantId").is(tenantId).and("batchId").is(batchId)), Invoice.class);
  }

  /** How many invoices a generation in this currency would reserve now, counted without reading them. */
  public long countApprovedUnpaid(String tenantId, String currency) {
    return mongo.count(approvedUnpaid(tenantId, currency), Invoice.class);
  }

  private static Query approvedUnpaid(String tenantId, String currency) {
    return query(where("tenantId").is(tenantId).and("currency").is(currency)
        .and("status").is(InvoiceStatus.APPROVED).and("batchId").isNull());
  }

  /**
   * Gives a batch's invoices back, when the batch could not be created or was cancelled: they are approved
   * and unpaid again, free for the next batch.
   */
  public void release(String batchId) {
    mongo.updateMulti(query(where("batchId").is(batchId)), new Update().unset("batchId"), Invoice.class);
  }

  /** A fully paid batch has paid its invoices; they keep its id, so no later batch can take them. */
  public void markPaid(String batchId) {
    mongo.updateMulti(query(where("batchId").is(batchId).and("status").is(InvoiceStatus.APPROVED)),
        Update.update("status", InvoiceStatus.PAID), Invoice.class);
  }
}
