package dev.claraop.payout.tenancy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.tenancy.internal.MemberDocument;
import dev.claraop.payout.tenancy.internal.PodDocument;
import dev.claraop.platform.security.Role;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Who belongs to which tenant with which role, as identity.events announced it (the token names only the caller). */
@Component
public class TenantMembers {

  private final MongoTemplate mongo;

  TenantMembers(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Account erasure: the user leaves the tenant (their member record) and every pod of it that lists them as a
   * creator or as its manager. identity-service does not announce a pod left without a manager (v1 of
   * {@code identity.pod.updated} requires one), so the manager is unset here; a later {@code identity.pod.updated}
   * naming a new one replaces the pod as usual.
   *
   * @return member records removed (0 when already erased)
   */
  public int remove(String tenantId, String userId) {
    long removed = mongo.remove(query(where("_id").is(MemberDocument.idOf(tenantId, userId))), MemberDocument.class)
        .getDeletedCount();
    mongo.updateMulti(query(where("tenantId").is(tenantId).and("creatorIds").is(userId)),
        new Update().pull("creatorIds", userId), PodDocument.class);
    mongo.updateMulti(query(where("tenantId").is(tenantId).and("managerId").is(userId)),
        new Update().unset("managerId"), PodDocument.class);
    return (int) removed;
  }

  public boolean has(String tenantId, String userId, Role role) {
    return tenantId != null && userId != null && mongo.exists(query(where("_id").is(MemberDocument.idOf(tenantId, userId))
        .and("roles").is(role.name())), MemberDocument.class);
  }
}
