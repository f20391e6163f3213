package dev.claraop.payout.tenancy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.tenancy.internal.PodDocument;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which creators a MANAGER manages: those of the pods naming them as manager, as identity.events last told. Read
 * at each request, so a creator moved out of a pod leaves the manager's view as soon as the event is applied,
 * without a new token.
 */
@Component
public class PodScope {

  private final MongoTemplate mongo;

  PodScope(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Empty for a manager of no pod, and for a user of another tenant. */
  public Set<String> creatorsManagedBy(String tenantId, String managerId) {
    Set<String> creators = new LinkedHashSet<>();
    mongo.find(query(where("tenantId").is(tenantId).and("managerId").is(managerId)), PodDocument.class)
        .forEach(pod -> creators.addAll(pod.creatorIds()));
    return Set.copyOf(creators);
  }
}
