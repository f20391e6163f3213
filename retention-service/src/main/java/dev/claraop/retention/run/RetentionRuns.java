package dev.claraop.retention.run;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The record of every purge run, newest first; runs are written once and never changed (but for their outbox). */
@Component
public class RetentionRuns {

  private final MongoTemplate mongo;

  RetentionRuns(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void record(RetentionRun run) {
    mongo.insert(run);
  }

  public Optional<RetentionRun> find(String id) {
    return Optional.ofNullable(mongo.findById(id, RetentionRun.class));
  }

  /**
   * @param tenantId only runs that touched this tenant (or were scoped to it); null for all
   * @param after the last run of the previous page, or null for the newest
   */
  List<RetentionRun> newestFirst(String tenantId, RetentionRun after, int limit) {
    Criteria criteria = tenantId == null ? new Criteria() : where("tenants").is(tenantId);
    if (after != null) {
      criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
          where("startedAt").lt(after.startedAt()),
          where("startedAt").is(after.startedAt()).and("_id").lt(after.id())));
    }
    return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "startedAt", "_id")).limit(limit),
        RetentionRun.class);
  }

  /** When the newest platform-wide run without any failure finished: the purge as a whole worked then. */
  Optional<Instant> lastSucceededForAll() {
    Query succeeded = query(where("succeeded").is(true).and("scope").is(RunScope.ALL.label()))
        .with(Sort.by(Sort.Direction.DESC, "finishedAt")).limit(1);
    return Optional.ofNullable(mongo.findOne(succeeded, RetentionRun.class)).map(RetentionRun::finishedAt);
  }
}
