package dev.claraop.payout.campaign;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.payout.campaign.internal.CampaignDocument;
import dev.claraop.platform.outbox.EventOutbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Account erasure of campaigns (DESIGN §6.6): those the user made by hand in the tenant go. Inbox drafts name no
 * maker, and the tenant's campaigns others made stay, even where the user invoiced them.
 */
@Component
public class CampaignErasure {

  private final MongoTemplate mongo;

  CampaignErasure(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** @return campaigns deleted by this call (0 when already erased) */
  public int deleteMadeBy(String tenantId, String userId) {
    // Not while a campaign's payout.campaign.created waits in its outbox (it would go with it): the relay drains it
    // within moments and the erasure is retried with back-off, before anything was deleted.
    if (mongo.exists(query(where("tenantId").is(tenantId).and("createdBy").is(userId)
        .and(EventOutbox.FIELD + ".0").exists(true)), CampaignDocument.class)) {
      throw new IllegalStateException("a campaign's event is not published yet; erasure retried");
    }
    return (int) mongo.remove(query(where("tenantId").is(tenantId).and("createdBy").is(userId)), CampaignDocument.class)
        .getDeletedCount();
  }
}
