package dev.claraop.identity.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.AccountDeletionRequested;
import dev.claraop.events.identity.AccountReactivated;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.web.Conflict;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A user asks for their own account to be deleted, and may take it back within the grace period;
 * retention-service erases the account once the grace has ended (DESIGN §6.6). Each step is one
 * conditional single-document write, so two concurrent requests cannot both succeed.
 */
@Component
class AccountLifecycle {

  static final String ACTIVE = "ACTIVE";
  static final String PENDING_DELETION = "PENDING_DELETION";
  private final MongoTemplate mongo;
  private final AccountSettings settings;
  private final Clock clock;

  AccountLifecycle(MongoTemplate mongo, AccountSettings settings, Clock clock) {
    this.mongo = mongo;
    this.settings = settings;
    this.clock = clock;
  }

  AccountView requestDeletion(String userId, String tenantId, Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant graceEndsAt = now.plus(settings.deletionGrace());
    var event = IdentityEvents.of(EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED, now, tenantId, actor, userId,
        new AccountDeletionRequested(userId, graceEndsAt));
    try {
      // Upsert only where no deletion is pending: a pending one makes the upsert collide on _id.
      mongo.findAndModify(query(where("_id").is(userId).and("status").ne(PENDING_DELETION)),
          EventOutbox.pushing(new Update().set("tenantId", tenantId).set("status", PENDING_DELETION)
              .set("requestedAt", now).set("graceEndsAt", graceEndsAt), EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED, event),
          FindAndModifyOptions.options().upsert(true).returnNew(true), Account.class);
    } catch (DuplicateKeyException pending) {
      throw new Conflict("a deletion of this account is pending already");
    }
    return new AccountView(PENDING_DELETION, graceEndsAt);
  }

  AccountView reactivate(String userId, String tenantId, Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var event = IdentityEvents.of(EventTypes.IDENTITY_ACCOUNT_REACTIVATED, now, tenantId, actor, userId,
        new AccountReactivated(userId));
    Account reactivated = mongo.findAndModify(
        query(where("_id").is(userId).and("status").is(PENDING_DELETION).and("graceEndsAt").gt(now)),
        EventOutbox.pushing(new Update().set("status", ACTIVE).unset("graceEndsAt").unset("requestedAt"),
            EventTypes.IDENTITY_ACCOUNT_REACTIVATED, event),
        FindAndModifyOptions.options().returnNew(true), Account.class);
    if (reactivated == null) throw new Conflict("no deletion of this account can be taken back");
    return new AccountView(ACTIVE, null);
  }
}
