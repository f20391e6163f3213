package dev.claraop.payout.batch.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.batch.BatchView;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Queries on the batch read model. Every query is filtered by tenant: another tenant's batch is absent. */
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

  private static BatchView toView(BatchViewDocument d) {
    return new BatchView(d.id(), d.currency(), d.status(), d.generatedBy(), d.approvedBy(), d.closedAt(), d.total(),
        d.lines().stream().map(l -> new BatchView.Line(l.id(), l.creatorId(), l.creatorName(), l.amount(),
            l.currency(), l.status(), l.account())).toList(), d.purgedAt());
  }
}
