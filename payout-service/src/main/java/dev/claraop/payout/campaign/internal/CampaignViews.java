package dev.claraop.payout.campaign.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** Reads of the campaigns collection, always within one tenant. */
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
}
