package dev.claraop.payout.tenancy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.tenancy.internal.MemberDocument;
import dev.claraop.platform.security.Role;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Who belongs to which tenant with which role, as identity.events announced it (the token names only the caller). */
@Component
public class TenantMembers {

  private final MongoTemplate mongo;

  TenantMembers(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public boolean has(String tenantId, String userId, Role role) {
    return tenantId != null && userId != null && mongo.exists(query(where("_id").is(MemberDocument.idOf(tenantId, userId))
        .and("roles").is(role.name())), MemberDocument.class);
  }
}
