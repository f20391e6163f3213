package dev.claraop.identity.tenant;

import dev.claraop.events.Actor;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.TenantCreated;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.Conflict;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates an agency and invites its first ADMIN. Keycloak first (a taken e-mail address stops it there),
 * then the tenant with its {@code identity.tenant.created} event in one insert; if that insert fails, the
 * invited user is removed again, so a refused request leaves nothing behind.
 */
@Component
class TenantOnboarding {

  private final MongoTemplate mongo;
  private final UserDirectory directory;
  private final Clock clock;

  TenantOnboarding(MongoTemplate mongo, UserDirectory directory, Clock clock) {
    this.mongo = mongo;
    this.directory = directory;
    this.clock = clock;
  }

  TenantView create(TenantRequest request, Actor actor) {
    if (mongo.findById(request.tenantId(), Tenant.class) != null) throw new Conflict("this tenant id is taken");
    String adminId = directory.invite(request.adminEmail(), request.tenantId(), Role.ADMIN);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var event = IdentityEvents.of(EventTypes.IDENTITY_TENANT_CREATED, now, request.tenantId(), actor, request.tenantId(),
        new TenantCreated(request.tenantId(), request.name(), adminId));
    try {
      mongo.insert(new Tenant(request.tenantId(), request.name(), adminId, actor.id(), now,
          EventOutbox.holding(EventTypes.IDENTITY_TENANT_CREATED, event)));
    } catch (RuntimeException e) {
      directory.remove(adminId);
      if (e instanceof DuplicateKeyException) throw new Conflict("this tenant id is taken");
      throw e;
    }
    return new TenantView(request.tenantId(), request.name(), adminId);
  }
}
