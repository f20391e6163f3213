package dev.claraop.identity.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.identity.account.AccountLifecycle;
import dev.claraop.identity.delegation.Delegations;
import dev.claraop.identity.directory.UserDirectory;
import dev.claraop.identity.pod.PodChanges;
import dev.claraop.identity.user.Memberships;
import dev.claraop.platform.outbox.ErasureParticipant;
import dev.claraop.platform.outbox.EventOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * identity-service's part of an account erasure (DESIGN §6.6), driven by retention-service on {@code retention.events}.
 *
 * <p>On {@code retention.erasure.requested} naming {@code identity}: the Keycloak user is disabled first (no login
 * from now on; while Keycloak is unreachable nothing changes and the record is retried), then the user leaves their
 * membership, their pods and the delegations they hold, and {@code identity.user-data.erased} answers with the
 * counts. The account document stays: the last step needs it. On {@code retention.erasure.confirmed}: the Keycloak
 * user is deleted and the account marked ERASED, announced as {@code identity.account.deleted}.
 *
 * <p>Both steps are idempotent, so a request that arrives late, twice, or again after a crash half-way is safe: each
 * write is conditional on what it removes, a repeated request is answered with the first one's counts, and every
 * request gets its answer (retention asks again only while it has none).
 */
@Component
class AccountErasure implements ErasureParticipant {

  static final Actor ERASER = Actor.system("identity-service");
  private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

  private final EventCodec codec = new EventCodec();
  private final MongoTemplate mongo;
  private final UserDirectory directory;
  private final Memberships memberships;
  private final PodChanges pods;
  private final Delegations delegations;
  private final AccountLifecycle accounts;
  private final Clock clock;

  AccountErasure(MongoTemplate mongo, UserDirectory directory, Memberships memberships, PodChanges pods,
      Delegations delegations, AccountLifecycle accounts, Clock clock) {
    this.mongo = mongo;
    this.directory = directory;
    this.memberships = memberships;
    this.pods = pods;
    this.delegations = delegations;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * platform-outbox's listener (group {@code identity-erasures}) hands over requests naming identity and every
   * confirmation; {@code claraop.identity.erasures.listening=false} keeps an instance out of the group (tests without
   * Keycloak).
   */
  @Override
  public String service() {
    return ErasureServices.IDENTITY;
  }

  @Override
  public void erase(EventEnvelope event, ErasureRequested request) {
    String erasureId = required(request.erasureId(), "erasure id");
    String userId = required(request.userId(), "user id");
    String tenantId = required(event.tenantId(), "tenant");
    directory.disable(userId);
    Map<String, Integer> removed = Map.of(
        "memberships", memberships.erase(userId),
        "pods", pods.removeUser(userId, ERASER, event),
        "delegations", delegations.removeHolder(userId, ERASER, event));

    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      mongo.insert(new Erasure(erasureId, userId, tenantId, removed, now,
          EventOutbox.holding(EventTypes.IDENTITY_USER_DATA_ERASED, confirmation(event, erasureId, userId, removed, now))));
      log.info("erasure {}: identity data erased, attempt {}", erasureId, request.attempt());
    } catch (DuplicateKeyException answeredBefore) {
      // Asked again (a retry of retention's, or a redelivery): nothing more went now; answer with what went then.
      Erasure first = mongo.findById(erasureId, Erasure.class);
      mongo.updateFirst(query(where("_id").is(erasureId)), EventOutbox.pushing(new Update(),
          EventTypes.IDENTITY_USER_DATA_ERASED, confirmation(event, erasureId, userId, first.removed(), now)), Erasure.class);
      log.info("erasure {}: identity data erased before, confirmed again for attempt {}", erasureId, request.attempt());
    }
  }

  @Override
  public void complete(EventEnvelope event) {
    ErasureConfirmed confirmed = codec.data(event, EventTypes.RETENTION_ERASURE_CONFIRMED);
    String erasureId = required(confirmed.erasureId(), "erasure id");
    String userId = required(confirmed.userId(), "user id");
    String tenantId = required(event.tenantId(), "tenant");
    directory.delete(userId);
    accounts.markErased(userId, tenantId, erasureId, ERASER, event);
    log.info("erasure {}: account deleted", erasureId);
  }

  private static EventEnvelope confirmation(EventEnvelope request, String erasureId, String userId,
      Map<String, Integer> removed, Instant at) {
    return IdentityEvents.following(request, EventTypes.IDENTITY_USER_DATA_ERASED, at, request.tenantId(), ERASER,
        userId, new UserDataErased(erasureId, userId, ErasureServices.IDENTITY, removed));
  }

  /** A request that names no erasure, user or tenant cannot be carried out: not retryable, so to the DLT at once. */
  private static String required(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("erasure event without a " + what);
    return value;
  }
}
