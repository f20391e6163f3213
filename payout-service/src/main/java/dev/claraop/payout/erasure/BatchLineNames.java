package dev.claraop.payout.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.batch.CreatorNames;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Account erasure of batch lines: a line that pays the user keeps its amount, currency, status and masked account
 * (the bank snapshot itself sits under the batch's data key, shredded by the batch purge), but its creator name goes.
 * In the Axon event store the name is sealed under the creator's own key, which is shredded here, so a replay of the
 * store shows {@value #ERASED}; in the read model's lines ({@code batch_view_lines}) it is overwritten with
 * {@value #ERASED}.
 *
 * <p>The batch feature owns that collection; it is reached here by name and field, the way campaigns read invoices,
 * so the erasure does not reach into the batch feature's internals.
 */
@Component
class BatchLineNames {

  static final String ERASED = CreatorNames.ERASED;
  private static final String BATCH_VIEW_LINES = "batch_view_lines";
  private final MongoTemplate mongo;
  private final CreatorNames names;

  BatchLineNames(MongoTemplate mongo, CreatorNames names) {
    this.mongo = mongo;
    this.names = names;
  }

  /** @return lines renamed by this call (0 when already erased; a line with no name is skipped) */
  int erase(String tenantId, String creatorId) {
    // Key first, on every call: the projection then reads "erased" for an event it has not reached yet, and a call
    // that died before the views were renamed is completed by the next.
    names.shred(tenantId, creatorId);
    List<String> notNamed = Arrays.asList(null, ERASED);
    // Only the user's named lines; the projection's own updates of other fields are untouched.
    return (int) mongo.updateMulti(query(where("tenantId").is(tenantId).and("creatorId").is(creatorId)
        .and("creatorName").nin(notNamed)), new Update().set("creatorName", ERASED), BATCH_VIEW_LINES)
        .getModifiedCount();
  }
}
