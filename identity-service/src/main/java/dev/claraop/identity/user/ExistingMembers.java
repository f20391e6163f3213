package dev.claraop.identity.user;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.MemberSynced;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.identity.directory.DirectoryUser;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces the tenant members the realm holds that identity-service never announced: users made before it or beside
 * it (the dev realm's seeded demo users, a user an operator made by hand in Keycloak's console). At start, and then
 * every {@code claraop.identity.members.announce-every} (5 minutes), so a member made by hand is known to the
 * services within that time, not only after identity-service's next start. Services learn who belongs to
 * a tenant only from {@code identity.events} (payout-service sets bank details only for its tenant's creators), so
 * an unannounced member would not exist for them.
 *
 * <p>Each one becomes a {@link Member} whose outbox holds {@code identity.member.synced}. A user already in
 * {@code members} (invited through identity-service, or announced before) is left alone, and the insert is keyed by
 * user id, so a restart or two instances starting together announce nobody twice. Not ready until it has run once;
 * while Keycloak is down it tries again every few seconds, as the realm policy does.
 */
@Component("members")
class ExistingMembers implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(ExistingMembers.class);
  private static final Actor ANNOUNCER = Actor.system("identity-service");
  private static final List<Role> TENANT_ROLES = List.of(Role.ADMIN, Role.MANAGER, Role.CREATOR);

  private final UserDirectory directory;
  private final MongoTemplate mongo;
  private final Clock clock;
  private final Duration announceEvery;
  /**
   * How old a realm user must be to be announced by a periodic run. An invitation makes the Keycloak user first and
   * records the member (with its own event) a moment later; announced in between, the user would be announced as
   * synced instead of invited. The first run takes every user: the dev realm's seeded users are imported moments
   * before identity-service starts.
   */
  private final Duration settle;
  private volatile boolean announced;
  private volatile long lastAnnouncedNanos;
  private volatile String lastFailure = "not run yet";

  ExistingMembers(UserDirectory directory, MongoTemplate mongo, Clock clock,
      @Value("${claraop.identity.members.announce-every:5m}") Duration announceEvery,
      @Value("${claraop.identity.members.settle:30s}") Duration settle) {
    this.directory = directory;
    this.mongo = mongo;
    this.clock = clock;
    this.announceEvery = announceEvery;
    this.settle = settle;
  }

  @EventListener(ApplicationStartedEvent.class)
  void atStart() {
    announceQuietly();
  }

  /** Every few seconds until the first run succeeded (Keycloak may still be starting), then every announce-every. */
  @Scheduled(initialDelayString = "${claraop.identity.realm-policy.retry-every:5s}",
      fixedDelayString = "${claraop.identity.realm-policy.retry-every:5s}")
  void untilDone() {
    if (!announced || System.nanoTime() - lastAnnouncedNanos > announceEvery.toNanos()) announceQuietly();
  }

  void announceQuietly() {
    try {
      boolean first = !announced;
      int count = announce();
      if (first || count > 0) log.info("realm members announced: {} not announced before", count);
    } catch (RuntimeException e) {
      lastFailure = e.getClass().getSimpleName();
      log.warn("realm members not announced yet: {}", lastFailure);
    }
  }

  /** @return how many members were announced now (0 once every member of the realm was announced before) */
  int announce() {
    int count = 0;
    Instant madeBefore = announced ? clock.instant().minus(settle) : Instant.MAX;
    for (Role role : TENANT_ROLES) {
      for (DirectoryUser user : directory.tenantUsersWith(role, madeBefore)) {
        if (mongo.exists(query(where("_id").is(user.id())), Member.class)) continue;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var event = IdentityEvents.of(EventTypes.IDENTITY_MEMBER_SYNCED, now, user.tenantId(), ANNOUNCER, user.id(),
            new MemberSynced(user.id(), role.name()));
        try {
          // invitedBy null: nobody invited them through identity-service.
          mongo.insert(new Member(user.id(), user.tenantId(), role.name(), null, now,
              EventOutbox.holding(EventTypes.IDENTITY_MEMBER_SYNCED, event)));
          count++;
        } catch (DuplicateKeyException announcedMeanwhile) {
          // Another instance, or an invitation, got there first: one announcement is enough.
        }
      }
    }
    lastAnnouncedNanos = System.nanoTime();
    announced = true;
    return count;
  }

  @Override
  public Health health() {
    return announced ? Health.up().build() : Health.outOfService().withDetail("reason", lastFailure).build();
  }
}
