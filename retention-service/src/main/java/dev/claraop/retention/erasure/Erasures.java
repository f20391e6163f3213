package dev.claraop.retention.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.retention.erasure.Erasure.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The erasures in MongoDB. Every change is one conditional single-document write that names the state it expects,
 * so a redelivered event, a late one, or two instances running the job at once change an erasure at most once.
 */
@Component
public class Erasures {

  private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);
  private final MongoTemplate mongo;

  Erasures(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** @return false when this request opened an erasure before (a redelivery): nothing changes */
  boolean schedule(Erasure erasure) {
    try {
      mongo.insert(erasure);
      return true;
    } catch (DuplicateKeyException openedBefore) {
      return false;
    }
  }

  public Optional<Erasure> find(String erasureId) {
    return Optional.ofNullable(mongo.findById(erasureId, Erasure.class));
  }

  /** The user's erasure that is neither cancelled nor finished, if any. */
  Optional<Erasure> openOf(String tenantId, String userId) {
    return Optional.ofNullable(mongo.findOne(query(where("tenantId").is(tenantId).and("userId").is(userId)
        .and("status").in(Status.SCHEDULED, Status.ERASING, Status.CONFIRMED)), Erasure.class));
  }

  /**
   * Cancels the user's erasure still in its grace, if it was requested before the reactivation: a replayed old
   * reactivation does not cancel a later request.
   */
  Optional<Erasure> cancel(String tenantId, String userId, Instant reactivatedAt, String reactivationEventId) {
    Query scheduled = query(where("tenantId").is(tenantId).and("userId").is(userId).and("status").is(Status.SCHEDULED)
        .and("requestedAt").lte(reactivatedAt));
    return Optional.ofNullable(mongo.findAndModify(scheduled, new Update().set("status", Status.CANCELLED)
        .set("cancelledBy", reactivationEventId).set("cancelledAt", reactivatedAt), RETURN_NEW, Erasure.class));
  }

  /** Records a service's first confirmation; a repeated one (a re-ask answered again) keeps the first. */
  Optional<Erasure> confirmed(String erasureId, String userId, String service, Erasure.Confirmation confirmation) {
    Query unconfirmed = query(where("_id").is(erasureId).and("userId").is(userId).and("status").is(Status.ERASING)
        .and("services." + service).exists(false));
    return Optional.ofNullable(mongo.findAndModify(unconfirmed, new Update().set("services." + service, confirmation),
        RETURN_NEW, Erasure.class));
  }

  /** identity deleted the account: the erasure is over. */
  Optional<Erasure> erased(String erasureId, String userId, Instant at) {
    Query started = query(where("_id").is(erasureId).and("userId").is(userId)
        .and("status").in(Status.ERASING, Status.CONFIRMED));
    return Optional.ofNullable(mongo.findAndModify(started,
        new Update().set("status", Status.ERASED).set("erasedAt", at), RETURN_NEW, Erasure.class));
  }

  /**
   * The erasures the job may have to move on at {@code now}: grace over, services being asked, or identity told
   * all confirmed that long ago without answer.
   */
  List<Erasure> toAdvance(Instant now, Instant askedBefore) {
    Criteria candidates = new Criteria().orOperator(
        where("status").is(Status.SCHEDULED).and("graceEndsAt").lte(now),
        where("status").is(Status.ERASING),
        where("status").is(Status.CONFIRMED).and("askedAt").lte(askedBefore));
    return mongo.find(query(candidates).with(Sort.by("graceEndsAt", "_id")), Erasure.class);
  }

  /**
   * Applies {@code change} if the erasure is still as {@code seen} (same status and attempts) and {@code also}
   * (if not null) holds; empty when another instance or an event moved it first.
   */
  Optional<Erasure> advance(Erasure seen, Criteria also, Update change) {
    Criteria unchanged = where("_id").is(seen.erasureId()).and("status").is(seen.status())
        .and("attempts").is(seen.attempts()).and("confirmAttempts").is(seen.confirmAttempts());
    Criteria expected = also == null ? unchanged : new Criteria().andOperator(unchanged, also);
    return Optional.ofNullable(mongo.findAndModify(query(expected), change, RETURN_NEW, Erasure.class));
  }

  /**
   * @param status only erasures in this state, or null for all
   * @param after the last erasure of the previous page, or null for the newest
   */
  List<Erasure> newestFirst(Status status, Erasure after, int limit) {
    Criteria criteria = status == null ? new Criteria() : where("status").is(status);
    if (after != null) {
      criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
          where("requestedAt").lt(after.requestedAt()),
          where("requestedAt").is(after.requestedAt()).and("_id").lt(after.erasureId())));
    }
    return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "requestedAt", "_id")).limit(limit),
        Erasure.class);
  }

  long count(Status status) {
    return mongo.count(query(where("status").is(status)), Erasure.class);
  }

  /** Erasures still waiting on a service (or on identity) since before {@code startedBefore}. */
  long waitingSince(Instant startedBefore) {
    return mongo.count(query(where("status").in(Status.ERASING, Status.CONFIRMED).and("startedAt").lte(startedBefore)),
        Erasure.class);
  }
}
