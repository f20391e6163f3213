package dev.claraop.ingest.connect;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The consents a user started and has not finished, as a whole: what goes when the user is erased. */
@Component
public class PendingConsents {

  private final MongoTemplate mongo;

  PendingConsents(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Removes every consent {@code userId} left under way; how many went. */
  public int forget(String userId) {
    return Math.toIntExact(mongo.remove(query(where("userId").is(userId)), PendingConsent.class).getDeletedCount());
  }
}
