package dev.claraop.identity.user;

import dev.claraop.events.Actor;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.UserInvited;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A tenant ADMIN invites a user with exactly one tenant role. Keycloak gets the user (tenant attribute,
 * role, required actions to set a password and verify the address); the member record carries the
 * {@code identity.user.invited} event. A failed insert removes the Keycloak user again.
 */
@Component
class Invitations {

  private final MongoTemplate mongo;
  private final UserDirectory directory;
  private final Clock clock;

  Invitations(MongoTemplate mongo, UserDirectory directory, Clock clock) {
    this.mongo = mongo;
    this.directory = directory;
    this.clock = clock;
  }

  MemberView invite(String tenantId, InviteRequest request, Actor actor) {
    Role role = tenantRole(request.role());
    String userId = directory.invite(request.email(), tenantId, role);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var event = IdentityEvents.of(EventTypes.IDENTITY_USER_INVITED, now, tenantId, actor, userId,
        new UserInvited(userId, role.name(), actor.id()));
    try {
      mongo.insert(new Member(userId, tenantId, role.name(), actor.id(), now,
          EventOutbox.holding(EventTypes.IDENTITY_USER_INVITED, event)));
    } catch (RuntimeException e) {
      directory.remove(userId);
      throw e;
    }
    return new MemberView(userId, request.email(), role.name(), "INVITED");
  }

  /** ADMIN, MANAGER or CREATOR: staff roles are never given inside a tenant. */
  static Role tenantRole(String name) {
    return Role.fromClaim(name).filter(r -> !r.isStaff())
        .orElseThrow(() -> new InvalidRequest("role", "is one of ADMIN, MANAGER, CREATOR"));
  }
}
