package dev.claraop.payout.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.payout.campaign.CampaignErasure;
import dev.claraop.payout.invoice.InvoiceAggregates;
import dev.claraop.payout.profile.PayoutProfiles;
import dev.claraop.payout.tenancy.TenantMembers;
import dev.claraop.platform.outbox.EventOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Erases what payout-service holds of a user in their tenant (DESIGN §6.6) and confirms it with
 * {@code payout.user-data.erased}: the payout profile (view deleted, data key shredded), the invoices they issued
 * (counted into {@code invoice_aggregates}, then deleted with their proofs), the campaigns they made by hand, their
 * tenant membership and pod places, and their name on batch lines (its data key shredded, so the event store's sealed
 * copies read {@code erased} too, and the views renamed). Every step is idempotent, so a request that comes
 * again erases nothing more and is confirmed again, with zero counts.
 *
 * <p>The confirmation leaves through the outbox of the erasure's own document ({@code erasures}), written after the
 * deletions: a crash before it leaves the request uncommitted, and its redelivery finishes the work.
 */
@Component
class UserDataErasure {

  static final String ACTOR = "payout-service";
  private static final Logger log = LoggerFactory.getLogger(UserDataErasure.class);
  private final EventCodec codec = new EventCodec();
  private final CampaignErasure campaigns;
  private final InvoiceAggregates invoices;
  private final PayoutProfiles profiles;
  private final TenantMembers members;
  private final BatchLineNames batchLines;
  private final MongoTemplate mongo;
  private final Clock clock;
  private final Counter confirmed;

  UserDataErasure(CampaignErasure campaigns, InvoiceAggregates invoices, PayoutProfiles profiles, TenantMembers members,
      BatchLineNames batchLines, MongoTemplate mongo, Clock clock, MeterRegistry meters) {
    this.campaigns = campaigns;
    this.invoices = invoices;
    this.profiles = profiles;
    this.members = members;
    this.batchLines = batchLines;
    this.mongo = mongo;
    this.clock = clock;
    this.confirmed = Counter.builder("claraop.payout.erasures.confirmed")
        .description("Account erasure requests payout-service carried out and confirmed").register(meters);
  }

  void erase(EventEnvelope request, ErasureRequested erasure) {
    String tenant = request.tenantId();
    String user = erasure.userId();
    // Campaigns and invoices first: they may ask for a retry (their events still in an outbox) before anything went.
    int campaignsDeleted = campaigns.deleteMadeBy(tenant, user);
    int invoicesDeleted = invoices.foldAndDelete(tenant, user);
    boolean profileErased = profiles.erase(tenant, user);
    int memberships = members.remove(tenant, user);
    int lines = batchLines.erase(tenant, user);
    Map<String, Integer> removed = new LinkedHashMap<>();
    removed.put("profiles", profileErased ? 1 : 0);
    removed.put("invoices", invoicesDeleted);
    removed.put("campaigns", campaignsDeleted);
    removed.put("lines", lines);
    removed.put("memberships", memberships);
    confirm(request, erasure, removed);
  }

  /** Records the run and its confirmation in one write; a request already answered (redelivered) changes nothing. */
  private void confirm(EventEnvelope request, ErasureRequested erasure, Map<String, Integer> removed) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String requestId = request.eventId().toString();
    // Derived from the request, so a confirmation written twice for one request is one event to its consumers.
    UUID eventId = UUID.nameUUIDFromBytes(("payout.user-data.erased\n" + requestId).getBytes(StandardCharsets.UTF_8));
    EventEnvelope confirmation = codec.envelope(EventTypes.PAYOUT_USER_DATA_ERASED, eventId, now, request.tenantId(),
        Actor.system(ACTOR), erasure.userId(), request.correlationId(), requestId,
        new UserDataErased(erasure.erasureId(), erasure.userId(), ErasureServices.PAYOUT, removed));
    Update update = EventOutbox.pushing(new Update().setOnInsert("tenantId", request.tenantId())
        .setOnInsert("userId", erasure.userId()).addToSet("requestEventIds", requestId)
        .max("lastAttempt", erasure.attempt()).set("lastConfirmedAt", now), EventTypes.PAYOUT_USER_DATA_ERASED, confirmation);
    removed.forEach((kind, count) -> update.inc("removed." + kind, count));
    try {
      mongo.upsert(query(where("_id").is(erasure.erasureId()).and("requestEventIds").ne(requestId)), update,
          ErasureDocument.class);
      confirmed.increment();
      log.info("erasure {} attempt {}: removed {}", erasure.erasureId(), erasure.attempt(), removed);
    } catch (DuplicateKeyException answered) {
      log.debug("erasure request {} was answered before", requestId);
    }
  }
}
