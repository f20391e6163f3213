package dev.claraop.identity.pod;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.PodUpdated;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.Conflict;
import dev.claraop.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sets a pod's name, manager and creators, and announces it on {@code identity.events} through the outbox.
 * A creator belongs to one pod of a tenant at a time.
 */
@Component
public class PodChanges {

  private static final Pattern POD_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private final MongoTemplate mongo;
  private final UserDirectory directory;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();

  PodChanges(MongoTemplate mongo, UserDirectory directory, Clock clock) {
    this.mongo = mongo;
    this.directory = directory;
    this.clock = clock;
  }

  /** The manager and creators must be users of this tenant with that role in Keycloak (503 while it is down). */
  public PodView put(String tenantId, String podId, PodRequest request, Actor actor, String requestId) {
    validate(podId, request);
    if (!directory.find(request.managerId()).filter(u -> u.belongsTo(tenantId) && u.roles().contains(Role.MANAGER)).isPresent()) {
      throw new InvalidRequest("managerId", "is not a manager of this tenant");
    }
    for (String creator : request.creatorIds()) {
      if (!directory.find(creator).filter(u -> u.belongsTo(tenantId) && u.roles().contains(Role.CREATOR)).isPresent()) {
        throw new InvalidRequest("creatorIds", "names a user who is not a creator of this tenant");
      }
    }
    return store(tenantId, podId, request, actor, requestId);
  }

  /**
   * DEV ONLY, for the demo seed: the fixed ids of the dev realm, not looked up in Keycloak, which may still be
   * starting when the seed runs.
   */
  public PodView seed(String tenantId, String podId, PodRequest request, Actor actor) {
    validate(podId, request);
    return store(tenantId, podId, request, actor, null);
  }

  private static void validate(String podId, PodRequest request) {
    if (!POD_ID.matcher(podId).matches()) {
      throw new InvalidRequest("podId", "is 1 to 40 lower-case letters, digits and hyphens");
    }
    List<String> creators = List.copyOf(request.creatorIds());
    if (new HashSet<>(creators).size() != creators.size()) throw new InvalidRequest("creatorIds", "lists a creator twice");
    if (creators.contains(request.managerId())) throw new InvalidRequest("managerId", "cannot also be a creator of the pod");
  }

  private PodView store(String tenantId, String podId, PodRequest request, Actor actor, String requestId) {
    List<String> creators = List.copyOf(request.creatorIds());
    List<Pod> elsewhere = mongo.find(query(where("tenantId").is(tenantId).and("podId").ne(podId)
        .and("creatorIds").in(creators)), Pod.class);
    if (!elsewhere.isEmpty()) throw new Conflict("a creator of this pod is already in pod " + elsewhere.getFirst().podId());

    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var event = codec.envelope(EventTypes.IDENTITY_POD_UPDATED, UUID.randomUUID(), now, tenantId, actor, podId,
        requestId, null, new PodUpdated(podId, request.name(), request.managerId(), creators));
    Update update = new Update().set("tenantId", tenantId).set("podId", podId).set("name", request.name())
        .set("managerId", request.managerId()).set("creatorIds", creators).set("updatedAt", now);
    Pod saved = mongo.findAndModify(query(where("_id").is(Pod.idOf(tenantId, podId))),
        EventOutbox.pushing(update, EventTypes.IDENTITY_POD_UPDATED, event),
        FindAndModifyOptions.options().upsert(true).returnNew(true), Pod.class);
    return PodView.of(saved);
  }

  /**
   * Account erasure: takes the user out of every pod they are in, as its manager (the pod then has none until an
   * admin names one) or as a creator. Each change is one conditional write on the pod as it was read, retried on a
   * concurrent edit, and a second call finds nothing left to change.
   *
   * <p>A pod that still has a manager is announced with {@code identity.pod.updated} as an edit would be. One left
   * without a manager is not: v1 of that event requires a manager, and its consumers (payout's pod projection, the
   * audit mapping) reject or fail on a null one. It is announced again when an admin names the new manager.
   *
   * @param cause the erasure request, whose correlation the announcements carry
   * @return how many pods changed
   */
  public int removeUser(String userId, Actor actor, EventEnvelope cause) {
    int changed = 0;
    var holding = new Criteria().orOperator(where("managerId").is(userId), where("creatorIds").is(userId));
    for (Pod pod : mongo.find(query(holding), Pod.class)) {
      if (removeUser(pod, userId, actor, cause)) changed++;
    }
    return changed;
  }

  private boolean removeUser(Pod pod, String userId, Actor actor, EventEnvelope cause) {
    Pod current = pod;
    while (current != null && (userId.equals(current.managerId()) || current.creatorIds().contains(userId))) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      String manager = userId.equals(current.managerId()) ? null : current.managerId();
      List<String> creators = current.creatorIds().stream().filter(c -> !c.equals(userId)).toList();
      Update update = new Update().set("creatorIds", creators).set("updatedAt", now);
      if (manager == null) {
        update.unset("managerId");
      } else {
        var event = IdentityEvents.following(cause, EventTypes.IDENTITY_POD_UPDATED, now, current.tenantId(), actor,
            current.podId(), new PodUpdated(current.podId(), current.name(), manager, creators));
        EventOutbox.pushing(update, EventTypes.IDENTITY_POD_UPDATED, event);
      }
      // Only the pod as it was read: an admin's edit in between makes this match nothing, and it is read again.
      Pod changed = mongo.findAndModify(query(where("_id").is(current.id()).and("updatedAt").is(current.updatedAt())),
          update, FindAndModifyOptions.options().returnNew(true), Pod.class);
      if (changed != null) return true;
      current = mongo.findById(current.id(), Pod.class);
    }
    return false;
  }

  public List<PodView> ofTenant(String tenantId) {
    return mongo.find(query(where("tenantId").is(tenantId)).with(Sort.by("podId")), Pod.class).stream()
        .map(PodView::of).toList();
  }

  /** The creators of every pod {@code managerId} manages in the tenant; empty for a manager of none. */
  public Set<String> creatorsManagedBy(String tenantId, String managerId) {
    Set<String> creators = new LinkedHashSet<>();
    mongo.find(query(where("tenantId").is(tenantId).and("managerId").is(managerId)), Pod.class)
        .forEach(pod -> creators.addAll(pod.creatorIds()));
    return creators;
  }

  public boolean exists(String tenantId, String podId) {
    return mongo.exists(query(where("_id").is(Pod.idOf(tenantId, podId))), Pod.class);
  }
}
