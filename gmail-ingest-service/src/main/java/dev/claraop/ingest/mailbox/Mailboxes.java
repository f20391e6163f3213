package dev.claraop.ingest.mailbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.GrantScope;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.NotFound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The mailboxes collection: every read is filtered by tenant, and for a MANAGER by who connected the mailbox. */
@Component
public class Mailboxes {

  private final MongoTemplate mongo;
  private final Counter revoked;

  Mailboxes(MongoTemplate mongo, MeterRegistry meters) {
    this.mongo = mongo;
    this.revoked = Counter.builder("claraop.ingest.mailboxes.revoked")
        .description("Mailboxes whose grant Google refused (invalid_grant) and that were marked REVOKED").register(meters);
  }

  public void insert(Mailbox mailbox) {
    mongo.insert(mailbox);
  }

  /** What {@code caller} may see: a tenant ADMIN all of the tenant's, a MANAGER the ones they connected. */
  public List<Mailbox> visibleTo(ClaraPrincipal caller) {
    return mongo.find(query(scope(caller)), Mailbox.class);
  }

  /** One mailbox {@code caller} may see; another tenant's or another manager's answers 404, never 403. */
  public Mailbox visible(ClaraPrincipal caller, String id) {
    return Optional.ofNullable(mongo.findOne(query(scope(caller).and("_id").is(id)), Mailbox.class))
        .orElseThrow(() -> new NotFound("mailbox"));
  }

  public Optional<Mailbox> byId(String id) {
    return Optional.ofNullable(mongo.findById(id, Mailbox.class));
  }

  /** Every mailbox {@code userId} connected, whatever its status and tenant. */
  public List<Mailbox> connectedBy(String userId) {
    return mongo.find(query(where("connectedBy").is(userId)), Mailbox.class);
  }

  public List<Mailbox> connected() {
    return mongo.find(query(where("status").is(MailboxStatus.CONNECTED)), Mailbox.class);
  }

  void markRevoked(String id, Instant at) {
    var marked = mongo.updateFirst(query(where("_id").is(id).and("status").is(MailboxStatus.CONNECTED)),
        new Update().set("status", MailboxStatus.REVOKED).set("revokedAt", at)
        .unset("accessToken").unset("accessExpiresAt"), Mailbox.class);
    if (marked.getModifiedCount() > 0) revoked.increment(); // once per mailbox, however many syncs saw invalid_grant
  }

  void storeAccessToken(String id, String sealed, Instant expiresAt) {
    mongo.updateFirst(query(where("_id").is(id).and("status").is(MailboxStatus.CONNECTED)),
        new Update().set("accessToken", sealed).set("accessExpiresAt", expiresAt), Mailbox.class);
  }

  public void recordSync(String id, String historyId, Instant at, String outcome) {
    Update update = new Update().set("lastSyncedAt", at).set("lastSyncOutcome", outcome);
    if (historyId != null) update.set("historyId", historyId);
    mongo.updateFirst(query(where("_id").is(id)), update, Mailbox.class);
  }

  public void delete(String id) {
    mongo.remove(query(where("_id").is(id)), Mailbox.class);
  }

  private static Criteria scope(ClaraPrincipal caller) {
    Criteria criteria = where("tenantId").is(caller.tenantId());
    // Staff under an EMAIL_METADATA_READ grant see what the grant's tenant ADMIN sees.
    boolean tenantWide = caller.has(Role.ADMIN) || caller.covers(GrantScope.EMAIL_METADATA_READ);
    return tenantWide ? criteria : criteria.and("connectedBy").is(caller.userId());
  }
}
