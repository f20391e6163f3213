package dev.claraop.payout.campaign.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.campaign.Campaign.CampaignStatus;
import dev.claraop.platform.outbox.OutboxRecord;
import dev.claraop.platform.web.InvalidRequest;
import dev.claraop.platform.web.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The campaigns collection, always within one tenant: reads, and campaigns made by hand. */
@Component
public class CampaignViews {

  public static final int MAX_PAGE = 200;
  /** Newest first; campaigns seeded without {@code createdAt} come last; the id breaks ties. */
  private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "_id"));
  private final MongoTemplate mongo;

  CampaignViews(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Every campaign of the tenant, newest first, {@code limit} after {@code cursor}; {@code status} null for all. */
  public Page<CampaignDocument> ofTenant(String tenantId, CampaignStatus status, String cursor, int limit) {
    return page(Optional.of(tenantScope(tenantId)), status, cursor, limit);
  }

  /**
   * What a MANAGER sees: drafts from the mailboxes they connected, and the tenant's campaigns that came from no
   * one's inbox (campaigns do not name creators yet, so no pod can narrow those further).
   */
  public Page<CampaignDocument> ofManager(
      String tenantId, String managerId, CampaignStatus status, String cursor, int limit) {
    return page(Optional.of(managerScope(tenantId, managerId)), status, cursor, limit);
  }

  /**
   * What a CREATOR sees (DESIGN §8, "reads own"): the campaigns they invoiced, never a draft. Campaigns name no
   * creators; an invoice is what ties a creator to one (the invoices collection is read by name, not through the
   * invoice feature, which itself depends on campaigns).
   */
  public Page<CampaignDocument> ofCreator(
      String tenantId, String creatorId, CampaignStatus status, String cursor, int limit) {
    return page(creatorScope(tenantId, creatorId), status, cursor, limit);
  }

  /** One campaign of the tenant. */
  public Optional<CampaignDocument> oneOfTenant(String tenantId, String id) {
    return one(Optional.of(tenantScope(tenantId)), id);
  }

  /** One campaign as {@link #ofManager} sees it: absent when that list would not show it. */
  public Optional<CampaignDocument> oneOfManager(String tenantId, String managerId, String id) {
    return one(Optional.of(managerScope(tenantId, managerId)), id);
  }

  /** One campaign as {@link #ofCreator} sees it: absent when that list would not show it. */
  public Optional<CampaignDocument> oneOfCreator(String tenantId, String creatorId, String id) {
    return one(creatorScope(tenantId, creatorId), id);
  }

  private static Criteria tenantScope(String tenantId) {
    return where("tenantId").is(tenantId);
  }

  private static Criteria managerScope(String tenantId, String managerId) {
    Criteria mine = new Criteria().orOperator(where("connectedBy").is(managerId), where("connectedBy").is(null));
    return where("tenantId").is(tenantId).andOperator(mine);
  }

  /** Empty when the creator invoiced no campaign. */
  private Optional<Criteria> creatorScope(String tenantId, String creatorId) {
    List<String> invoiced = mongo.findDistinct(query(where("tenantId").is(tenantId).and("creatorId").is(creatorId)),
        "campaignId", "invoices", String.class);
    if (invoiced.isEmpty()) return Optional.empty();
    return Optional.of(where("tenantId").is(tenantId).and("_id").in(invoiced).and("status").ne(CampaignStatus.DRAFT));
  }

  private Page<CampaignDocument> page(Optional<Criteria> scope, CampaignStatus status, String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) throw new InvalidRequest("limit", "must be between 1 and " + MAX_PAGE);
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
    if (scope.isEmpty()) return Page.last(List.of());
    List<Criteria> all = new ArrayList<>(List.of(scope.get()));
    if (status != null) all.add(where("status").is(status));
    if (after != null) all.add(after.before());
    List<CampaignDocument> found = mongo.find(new Query(new Criteria().andOperator(all)).with(NEWEST_FIRST)
        .limit(limit + 1), CampaignDocument.class);
    List<CampaignDocument> page = found.subList(0, Math.min(limit, found.size()));
    return new Page<>(page, found.size() > limit ? Cursor.encode(page.getLast()) : null);
  }

  private Optional<CampaignDocument> one(Optional<Criteria> scope, String id) {
    if (scope.isEmpty()) return Optional.empty();
    return Optional.ofNullable(mongo.findOne(new Query(new Criteria().andOperator(scope.get(), where("_id").is(id))),
        CampaignDocument.class));
  }

  /**
   * Where a page ended: the last campaign's {@code createdAt} (absent for campaigns seeded without one, which sort
   * last) and id; opaque to clients.
   */
  private record Cursor(Instant createdAt, String id) {

    static String encode(CampaignDocument last) {
      String plain = (last.createdAt() == null ? "-" : String.valueOf(last.createdAt().toEpochMilli())) + ":" + last.id();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
        if (parts.length != 2 || parts[1].isBlank()) throw new IllegalArgumentException("not two parts");
        return new Cursor(parts[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new InvalidRequest("cursor", "is not a cursor this API returned");
      }
    }

    /** What comes after this position in newest-first order: older, or as old with a smaller id, or undated. */
    Criteria before() {
      if (createdAt == null) return where("createdAt").is(null).and("_id").lt(id);
      return new Criteria().orOperator(where("createdAt").lt(createdAt),
          where("createdAt").is(createdAt).and("_id").lt(id), where("createdAt").is(null));
    }
  }

  /** Makes a campaign by hand, ACTIVE, with its {@code payout.campaign.created} event in the same insert. */
  public CampaignDocument create(String tenantId, String createdBy, String name, String brand, Instant at,
      Function<String, OutboxRecord> event) {
    String id = "cmp-" + UUID.randomUUID();
    return mongo.insert(new CampaignDocument(id, tenantId, name.strip(), brand.strip(), CampaignStatus.ACTIVE, "MANUAL",
        null, null, null, null, List.of(), null, at, List.of(), createdBy, List.of(event.apply(id))));
  }
}
