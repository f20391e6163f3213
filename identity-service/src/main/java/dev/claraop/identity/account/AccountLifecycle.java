package dev.claraop.identity.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.identity.AccountDeleted;
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
public class AccountLifecycle {

  static final String ACTIVE = "ACTIVE";
  static final String PENDING_DELETION = "PENDING_DELETION";
  static final String ERASED = "ERASED";
  private final MongoTemplate mongo;
  private final AccountSettings settings;
  private final Clock clock;

  AccountLifecycle(MongoTemplate mongo, AccountSettings settings, Clock clock) {
    this.mongo = mongo;
    this.settings = settings;
    this.clock = clock;
  }

  /** Where the user's own account stands: ACTIVE (also when nothing was ever asked), PENDING_DELETION or ERASED. */
  AccountView current(String userId) {
    Account account = mongo.findById(userId, Account.class);
    if (account == null || account.status() == null) return new AccountView(ACTIVE, null);
    return new AccountView(account.status(), PENDING_DELETION.equals(account.status()) ? account.graceEndsAt() : null);
  }

  AccountView requestDeletion(String userId, String tenantId, Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant graceEndsAt = now.plus(settings.deletionGrace());
    var event = IdentityEvents.of(EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED, now, tenantId, actor, userId,
        new AccountDeletionRequested(userId, graceEndsAt));
    try {
      // Upsert only where no deletion is pending or done: either makes the upsert collide on _id. (An erased
      // account's user is gone from Keycloak, but a token issued before may live a few minutes longer.)
      mongo.findAndModify(query(where("_id").is(userId).and("status").nin(PENDING_DELETION, ERASED)),
          EventOutbox.pushing(new Update().set("tenantId", tenantId).set("status", PENDING_DELETION)
              .set("requestedAt", now).set("graceEndsAt", graceEndsAt), EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED, event),
          FindAndModifyOptions.options().upsert(true).returnNew(true), Account.class);
    } catch (DuplicateKeyException pending) {
      throw new Conflict("a deletion of this account is pending or done already");
    }
    return new AccountView(PENDING_DELETION, graceEndsAt);
  }

  /**
   * The erasure's last step, after the Keycloak user is gone: the account keeps only its ids, its status ERASED and
   * when, and {@code identity.account.deleted} is announced. Asked again, it announces again and keeps the first
   * {@code erasedAt}.
   *
   * @param cause the erasure confirmation, whose correlation the announcement carries
   */
  public void markErased(String userId, String tenantId, String erasureId, Actor actor, EventEnvelope cause) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var event = IdentityEvents.following(cause, EventTypes.IDENTITY_ACCOUNT_DELETED, now, tenantId, actor, userId,
        new AccountDeleted(userId, erasureId));
    try {
      mongo.findAndModify(query(where("_id").is(userId).and("status").ne(ERASED)),
          EventOutbox.pushing(new Update().set("tenantId", tenantId).set("status", ERASED).set("erasedAt", now)
              .unset("requestedAt").unset("graceEndsAt"), EventTypes.IDENTITY_ACCOUNT_DELETED, event),
          FindAndModifyOptions.options().upsert(true), Account.class);
    } catch (DuplicateKeyException erasedBefore) {
      mongo.updateFirst(query(where("_id").is(userId)),
          EventOutbox.pushing(new Update(), EventTypes.IDENTITY_ACCOUNT_DELETED, event), Account.class);
    }
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
