package dev.claraop.payout.campaign.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.campaign.Campaign.CampaignStatus;
import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** The campaigns collection, always within one tenant: reads, and campaigns made by hand. */
@Component
public class CampaignViews {

  private final MongoTemplate mongo;

  CampaignViews(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Every campaign of the tenant, newest draft first. */
  public List<CampaignDocument> ofTenant(String tenantId) {
    return mongo.find(query(where("tenantId").is(tenantId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
        CampaignDocument.class);
  }

  /**
   * What a MANAGER sees: drafts from the mailboxes they connected, and the tenant's campaigns that came from no
   * one's inbox (campaigns do not name creators yet, so no pod can narrow those further).
   */
  public List<CampaignDocument> ofManager(String tenantId, String managerId) {
    Criteria mine = new Criteria().orOperator(where("connectedBy").is(managerId), where("connectedBy").is(null));
    return mongo.find(query(where("tenantId").is(tenantId).andOperator(mine))
        .with(Sort.by(Sort.Direction.DESC, "createdAt")), CampaignDocument.class);
  }

  /**
   * What a CREATOR sees (DESIGN §8, "reads own"): the campaigns they invoiced, never a draft. Campaigns name no
   * creators; an invoice is what ties a creator to one (the invoices collection is read by name, not through the
   * invoice feature, which itself depends on campaigns).
   */
  public List<CampaignDocument> ofCreator(String tenantId, String creatorId) {
    List<String> invoiced = mongo.findDistinct(query(where("tenantId").is(tenantId).and("creatorId").is(creatorId)),
        "campaignId", "invoices", String.class);
    if (invoiced.isEmpty()) return List.of();
    return mongo.find(query(where("tenantId").is(tenantId).and("_id").in(invoiced).and("status").ne(CampaignStatus.DRAFT))
        .with(Sort.by(Sort.Direction.DESC, "createdAt")), CampaignDocument.class);
  }

  /** Makes a campaign by hand, ACTIVE, with its {@code payout.campaign.created} event in the same insert. */
  public CampaignDocument create(String tenantId, String createdBy, String name, String brand, Instant at,
      Function<String, OutboxRecord> event) {
    String id = "cmp-" + UUID.randomUUID();
    return mongo.insert(new CampaignDocument(id, tenantId, name.strip(), brand.strip(), CampaignStatus.ACTIVE, "MANUAL",
        null, null, null, null, List.of(), null, at, List.of(), createdBy, List.of(event.apply(id))));
  }
}
