package dev.claraop.retention.schedule;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The batches waiting for their purge, in MongoDB, so a restart forgets none of them. */
@Component
public class DuePurges {

  private final MongoTemplate mongo;
  private final PurgeSettings settings;
  private final Clock clock;

  DuePurges(MongoTemplate mongo, PurgeSettings settings, Clock clock) {
    this.mongo = mongo;
    this.settings = settings;
    this.clock = clock;
  }

  /** @return false when the batch was scheduled before (a redelivered or repeated closing): nothing changes */
  boolean schedule(DuePurge purge) {
    try {
      mongo.insert(purge);
      return true;
    } catch (DuplicateKeyException scheduledBefore) {
      return false;
    }
  }

  /**
   * The batches still due whose retention ended at {@code now}, of one tenant or (null) all, oldest first.
   * A batch closed later is not among them, whoever asks.
   */
  public List<DuePurge> dueAt(Instant now, String tenantId) {
    Criteria due = where("status").is(DuePurge.Status.DUE).and("closedAt").lte(now.minus(settings.payoutPurgeAfter()));
    if (tenantId != null) due = due.and("tenantId").is(tenantId);
    return mongo.find(query(due).with(Sort.by("closedAt", "_id")), DuePurge.class);
  }

  public Optional<DuePurge> find(String batchId) {
    return Optional.ofNullable(mongo.findById(batchId, DuePurge.class));
  }

  public void purged(String batchId) {
    mongo.updateFirst(query(where("_id").is(batchId)),
        new Update().set("status", DuePurge.Status.PURGED).set("purgedAt", clock.instant()).unset("lastFailure"),
        DuePurge.class);
  }

  /** The batch stays due; the next run tries again. */
  public void failed(String batchId, String reason) {
    mongo.updateFirst(query(where("_id").is(batchId).and("status").is(DuePurge.Status.DUE)),
        new Update().inc("attempts", 1).set("lastFailure", reason), DuePurge.class);
  }
}
