package dev.claraop.identity.user;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** What identity-service records of a user's membership in a tenant, as account erasure removes it. */
@Component
public class Memberships {

  private final MongoTemplate mongo;
  private final Clock clock;

  Memberships(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Leaves of the user's member record only a tombstone, the id and when it was erased: tenant, role, inviter and
   * any event still waiting go. The tombstone stays so that {@link ExistingMembers} never announces the user again
   * (their Keycloak user lives on, disabled, until the erasure is confirmed); one is made if there was no record.
   *
   * @return 1 when a membership was removed, 0 when there was none (left before, or erased already)
   */
  public int erase(String userId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Member member = mongo.findAndModify(query(where("_id").is(userId).and("tenantId").exists(true)),
        new Update().unset("tenantId").unset("role").unset("invitedBy").unset("invitedAt").unset("outbox")
            .set("erasedAt", now), Member.class);
    if (member != null) return 1;
    mongo.upsert(query(where("_id").is(userId)), new Update().setOnInsert("erasedAt", now), Member.class);
    return 0;
  }
}
