package dev.claraop.ingest.sync;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The stored metadata of a mailbox's messages, as a whole: what goes when the mailbox's user is erased. */
@Component
public class ScannedMessages {

  private final MongoTemplate mongo;

  ScannedMessages(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Removes every message stored for {@code mailboxId}, with any of their events still waiting in their outbox
   * (they would name the mailbox's user); how many went.
   */
  public int removeOf(String mailboxId) {
    return Math.toIntExact(mongo.remove(query(where("mailboxId").is(mailboxId)), ScannedMessage.class).getDeletedCount());
  }
}
