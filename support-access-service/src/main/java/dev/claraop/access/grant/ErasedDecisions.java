package dev.claraop.access.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A user's name on grants, taken off when their account is erased. The grants themselves stay: a tenant's access
 * transparency must still show that staff had access, when and why, and audit keeps its own opaque copy of who
 * decided. So the user's id is replaced, wherever a grant names it, by the fixed marker {@value #ERASED_USER}.
 */
@Component
public class ErasedDecisions {

  public static final String ERASED_USER = "erased-user";
  /** Where a tenant ADMIN or reviewer is named as having decided on a request. */
  private static final List<String> DECIDERS = List.of("consentBy", "reviewedBy", "approvedBy", "deniedBy");
  private final MongoTemplate mongo;

  ErasedDecisions(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Replaces {@code userId} on every grant; how many grants named the user, by kind: {@code approvals} (consented,
   * reviewed, approved or denied), {@code requests} (asked for, when the user is staff) and {@code endings}
   * (revoked, or closed the ticket). Run again, it finds nothing and answers zeros.
   */
  public Map<String, Integer> erase(String userId) {
    Map<String, Integer> named = new LinkedHashMap<>();
    named.put("approvals", count(new Criteria().orOperator(DECIDERS.stream().map(f -> where(f).is(userId)).toList())));
    named.put("requests", count(where("requestedBy").is(userId)));
    named.put("endings", count(where("endedBy").is(userId)));
    for (String field : List.of("consentBy", "reviewedBy", "approvedBy", "deniedBy", "requestedBy", "endedBy")) {
      // The version moves too: a change prepared from the grant as it was read is refused (409), not merged.
      mongo.updateMulti(query(where(field).is(userId)), new Update().set(field, ERASED_USER).inc("version", 1), Grant.class);
    }
    return named;
  }

  private int count(Criteria criteria) {
    return Math.toIntExact(mongo.count(query(criteria), Grant.class));
  }
}
