package dev.claraop.payout.batch.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.batch.BatchView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Queries on the batch read model. Every query is filtered by tenant: another tenant's batch is absent. A manager's
 * queries are filtered by line as well (their pods' creators).
 */
@Component
public class BatchViews {

  private final MongoTemplate mongo;

  BatchViews(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public List<BatchView> ofTenant(String tenantId) {
    return mongo.find(query(where("tenantId").is(tenantId)).with(Sort.by(Sort.Direction.DESC, "generatedAt")),
        BatchViewDocument.class).stream().map(BatchViews::toView).toList();
  }

  public Optional<BatchView> find(String tenantId, String batchId) {
    return Optional.ofNullable(mongo.findOne(query(where("_id").is(batchId).and("tenantId").is(tenantId)),
        BatchViewDocument.class)).map(BatchViews::toView);
  }

  /**
   * The batches with a line for any of {@code creators} (a manager's pods), each showing those lines only and their
   * total: the other creators' lines, names and amounts are not the manager's to see (DESIGN §3).
   */
  public List<BatchView> withLinesOf(String tenantId, Set<String> creators) {
    if (creators.isEmpty()) return List.of();
    return mongo.find(query(where("tenantId").is(tenantId).and("lines.creatorId").in(creators))
            .with(Sort.by(Sort.Direction.DESC, "generatedAt")), BatchViewDocument.class).stream()
        .map(d -> linesOf(toView(d), creators)).toList();
  }

  /** The batch with {@code creators}' lines only; absent when it pays none of them. */
  public Optional<BatchView> findWithLinesOf(String tenantId, String batchId, Set<String> creators) {
    return find(tenantId, batchId).map(b -> linesOf(b, creators)).filter(b -> !b.lines().isEmpty());
  }

  private static BatchView linesOf(BatchView b, Set<String> creators) {
    List<BatchView.Line> lines = b.lines().stream().filter(l -> creators.contains(l.creatorId())).toList();
    BigDecimal total = lines.stream().map(BatchView.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new BatchView(b.id(), b.currency(), b.status(), b.generatedBy(), b.approvedBy(), b.closedAt(), total, lines,
        b.purgedAt());
  }

  private static BatchView toView(BatchViewDocument d) {
    return new BatchView(d.id(), d.currency(), d.status(), d.generatedBy(), d.approvedBy(), d.closedAt(), d.total(),
        d.lines().stream().map(l -> new BatchView.Line(l.id(), l.creatorId(), l.creatorName(), l.amount(),
            l.currency(), l.status(), l.account())).toList(), d.purgedAt());
  }
}
