package dev.claraop.payout.campaign;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A brand deal an agency runs with its creators. */
@Document("campaigns")
public record Campaign(@Id String id, String tenantId, String name, String brand, CampaignStatus status) {

  public enum CampaignStatus { DRAFT, ACTIVE, COMPLETED }
}
