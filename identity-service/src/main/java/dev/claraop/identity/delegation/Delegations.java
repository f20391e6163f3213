package dev.claraop.identity.delegation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.DelegationApproved;
import dev.claraop.events.identity.DelegationRevoked;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.identity.directory.DirectoryUser;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.Conflict;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.NotFound;
import dev.claraop.platform.web.Page;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Delegated operators (DESIGN §3): a tenant ADMIN lets an existing user from outside the tenant act in it
 * with one role until an expiry. Mongo holds the delegation and its event; Keycloak holds what tokens say,
 * the user's {@code delegations} attribute (all their active delegations), which platform-security reads
 * and checks against the expiry itself, so an expired delegation gives no access even in a live token.
 */
@Component
public class Delegations {

  static final int MAX_PAGE = 200;
  private final MongoTemplate mongo;
  private final UserDirectory directory;
  private final DelegationSettings settings;
  private final Clock clock;

  Delegations(MongoTemplate mongo, UserDirectory directory, DelegationSettings settings, Clock clock) {
    this.mongo = mongo;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  DelegationView approve(String tenantId, DelegationRequest request, Actor actor) {
    Role role = Role.fromClaim(request.role()).filter(r -> !r.isStaff())
        .orElseThrow(() -> new InvalidRequest("role", "is one of ADMIN, MANAGER, CREATOR"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (!request.expiresAt().isAfter(now)) throw new InvalidRequest("expiresAt", "is in the future");
    if (request.expiresAt().isAfter(now.plus(settings.longest()))) {
      throw new InvalidRequest("expiresAt", "is at most " + settings.longest().toDays() + " days away");
    }
    DirectoryUser operator = directory.find(request.userId())
        .orElseThrow(() -> new InvalidRequest("userId", "is not a user"));
    if (operator.belongsTo(tenantId)) throw new InvalidRequest("userId", "is a member of this tenant already");
    if (operator.isStaff()) throw new InvalidRequest("userId", "is staff, who act only under support grants");

    String id = "d-" + UUID.randomUUID();
    Instant expiresAt = request.expiresAt().truncatedTo(ChronoUnit.SECONDS);
    var event = IdentityEvents.of(EventTypes.IDENTITY_DELEGATION_APPROVED, now, tenantId, actor, id,
        new DelegationApproved(id, operator.id(), role.name(), expiresAt, actor.id()));
    Delegation delegation = new Delegation(id, tenantId, operator.id(), role.name(), expiresAt, actor.id(), now, null,
        EventOutbox.holding(EventTypes.IDENTITY_DELEGATION_APPROVED, event));
    // Keycloak first: if it is down nothing is stored; if the insert then fails, the attribute is put back.
    List<String> claims = new java.util.ArrayList<>(activeClaims(operator.id(), now));
    claims.add(delegation.claim());
    directory.setDelegations(operator.id(), claims);
    try {
      mongo.insert(delegation);
    } catch (RuntimeException e) {
      directory.setDelegations(operator.id(), activeClaims(operator.id(), now));
      throw e;
    }
    return view(delegation, now);
  }

  /** @throws NotFound for another tenant's delegation, as for one that does not exist */
  void revoke(String tenantId, String id, Actor actor) {
    Delegation current = mongo.findOne(query(where("_id").is(id).and("tenantId").is(tenantId)), Delegation.class);
    if (current == null) throw new NotFound("no such delegation");
    if (current.revokedAt() != null) throw new Conflict("the delegation is revoked already");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<String> remaining = activeClaims(current.userId(), now).stream().filter(c -> !c.endsWith(":" + id)).toList();
    directory.setDelegations(current.userId(), remaining);
    var event = IdentityEvents.of(EventTypes.IDENTITY_DELEGATION_REVOKED, now, tenantId, actor, id,
        new DelegationRevoked(id, current.userId(), actor.id()));
    Delegation revoked = mongo.findAndModify(query(where("_id").is(id).and("revokedAt").is(null)),
        EventOutbox.pushing(new Update().set("revokedAt", now), EventTypes.IDENTITY_DELEGATION_REVOKED, event),
        FindAndModifyOptions.options().returnNew(true), Delegation.class);
    if (revoked == null) throw new Conflict("the delegation is revoked already");
  }

  /**
   * Account erasure: every delegation the user holds ends, each announced with {@code identity.delegation.revoked} as
   * a revocation is, and no delegation document names the user any more (the announcement carries the id while it
   * waits in the outbox). The Keycloak attribute goes with the user ({@link UserDirectory#disable}). A second call
   * finds nothing.
   *
   * @param cause the erasure request, whose correlation the announcements carry
   * @return how many delegations no longer name the user
   */
  public int removeHolder(String userId, Actor actor, EventEnvelope cause) {
    int removed = 0;
    for (Delegation held : mongo.find(query(where("userId").is(userId)), Delegation.class)) {
      if (removeHolder(held, userId, actor, cause)) removed++;
    }
    return removed;
  }

  private boolean removeHolder(Delegation held, String userId, Actor actor, EventEnvelope cause) {
    Delegation current = held;
    while (current != null && userId.equals(current.userId())) {
      Update update = new Update().unset("userId");
      if (current.revokedAt() == null) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var event = IdentityEvents.following(cause, EventTypes.IDENTITY_DELEGATION_REVOKED, now, current.tenantId(),
            actor, current.id(), new DelegationRevoked(current.id(), userId, actor.id()));
        EventOutbox.pushing(update.set("revokedAt", now), EventTypes.IDENTITY_DELEGATION_REVOKED, event);
      }
      // Only the delegation as it was read: an admin's revocation in between makes this match nothing; read again.
      var asRead = where("_id").is(current.id()).and("userId").is(userId).and("revokedAt").is(current.revokedAt());
      if (mongo.findAndModify(query(asRead), update, Delegation.class) != null) return true;
      current = mongo.findById(current.id(), Delegation.class);
    }
    return false;
  }

  private List<String> activeClaims(String userId, Instant now) {
    return mongo.find(query(where("userId").is(userId).and("revokedAt").is(null).and("expiresAt").gt(now)),
        Delegation.class).stream().map(Delegation::claim).toList();
  }

  /**
   * The tenant's delegations, newest approval first, {@code limit} after {@code cursor}; {@code status} (ACTIVE,
   * EXPIRED, REVOKED) narrows them as of now.
   */
  Page<DelegationView> list(String tenantId, String status, String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) throw new InvalidRequest("limit", "must be between 1 and " + MAX_PAGE);
    Instant now = clock.instant();
    List<Criteria> all = new ArrayList<>(List.of(where("tenantId").is(tenantId)));
    if (status != null && !status.isBlank()) {
      all.add(switch (status) {
        case "ACTIVE" -> where("revokedAt").is(null).and("expiresAt").gt(now);
        case "EXPIRED" -> where("revokedAt").is(null).and("expiresAt").lte(now);
        case "REVOKED" -> where("revokedAt").ne(null);
        default -> throw new InvalidRequest("status", "is one of ACTIVE, EXPIRED, REVOKED");
      });
    }
    if (cursor != null && !cursor.isBlank()) all.add(ListCursor.decode(cursor).before());
    Query query = new Query(new Criteria().andOperator(all))
        .with(Sort.by(Sort.Direction.DESC, "approvedAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(limit + 1);
    query.fields().exclude("outbox");
    List<Delegation> found = mongo.find(query, Delegation.class);
    List<Delegation> page = found.subList(0, Math.min(limit, found.size()));
    return new Page<>(page.stream().map(d -> view(d, now)).toList(),
        found.size() > limit ? ListCursor.encode(page.getLast()) : null);
  }

  private static DelegationView view(Delegation d, Instant now) {
    String status = d.revokedAt() != null ? "REVOKED" : d.activeAt(now) ? "ACTIVE" : "EXPIRED";
    return new DelegationView(d.id(), d.userId(), d.role(), d.expiresAt(), status, d.approvedBy(), d.approvedAt(),
        d.revokedAt());
  }

  /** Where a page ended: the last delegation's approval time and id, opaque to clients. */
  private record ListCursor(Instant approvedAt, String id) {

    static String encode(Delegation last) {
      String plain = last.approvedAt().toEpochMilli() + ":" + last.id();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ListCursor decode(String cursor) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
        if (parts.length != 2 || parts[1].isBlank()) throw new IllegalArgumentException("not two parts");
        return new ListCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new InvalidRequest("cursor", "is not a cursor this API returned");
      }
    }

    Criteria before() {
      return new Criteria().orOperator(where("approvedAt").lt(approvedAt),
          where("approvedAt").is(approvedAt).and("_id").lt(id));
    }
  }
}
