package dev.claraop.payout.demo;

import dev.claraop.payout.campaign.Campaign;
import dev.claraop.payout.campaign.Campaign.CampaignStatus;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceStatus;
import dev.claraop.payout.profile.PayoutProfileRequest;
import dev.claraop.payout.profile.PayoutProfiles;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * DEV ONLY: the demo tenant's campaigns, approved USD invoices and its creators' payout profiles, so that a batch can be generated at
 * once after {@code ./claraop up}. Enabled by {@code claraop.demo.enabled=true}, which only the devstack
 * sets. Inserts what is missing and never overwrites, so a restart does not un-pay or re-open anything.
 * Creator ids are the fixed ids of the demo users in infra/keycloak/realm/claraop-realm.json.
 */
@Component
@ConditionalOnProperty(name = "claraop.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

  static final String TENANT = "demo";
  static final String CREATOR_1 = "11111111-0000-4000-8000-000000000004";
  static final String CREATOR_2 = "11111111-0000-4000-8000-000000000005";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private final MongoTemplate mongo;
  private final PayoutProfiles profiles;

  DemoData(MongoTemplate mongo, PayoutProfiles profiles) {
    this.mongo = mongo;
    this.profiles = profiles;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<Campaign> campaigns = List.of(
        new Campaign("demo-campaign-1", TENANT, "Summer glow launch", "Lumen Skincare", CampaignStatus.ACTIVE),
        new Campaign("demo-campaign-2", TENANT, "Trail running series", "Ridgeline Outdoor", CampaignStatus.ACTIVE),
        new Campaign("demo-campaign-3", TENANT, "Holiday unboxing", "Parcel & Co", CampaignStatus.DRAFT));
    List<Invoice> invoices = List.of(
        invoice("demo-invoice-1", CREATOR_1, "Cleo Creator", "demo-campaign-1", "1200.00"),
        invoice("demo-invoice-2", CREATOR_1, "Cleo Creator", "demo-campaign-2", "450.00"),
        invoice("demo-invoice-3", CREATOR_2, "Cody Maker", "demo-campaign-1", "800.00"),
        invoice("demo-invoice-4", CREATOR_2, "Cody Maker", "demo-campaign-2", "300.00"));
    int added = 0;
    for (Campaign campaign : campaigns) added += insertIfAbsent(campaign, campaign.id());
    for (Invoice invoice : invoices) added += insertIfAbsent(invoice, invoice.id());
    // Published example account numbers (ISO 13616's and ABA's documentation), sealed like any other profile.
    added += profileIfAbsent(CREATOR_1, new PayoutProfileRequest("Cleo Creator", "GB", "USD", null, null,
        "GB33BUKB20201555555555", "BUKBGB22", null));
    added += profileIfAbsent(CREATOR_2, new PayoutProfileRequest("Cody Maker", "US", "USD", "000123456789",
        "011000015", null, null, null));
    log.info("demo data: {} records added (dev only)", added);
  }

  private int profileIfAbsent(String creator, PayoutProfileRequest request) {
    if (profiles.exists(TENANT, creator)) return 0;
    profiles.store(TENANT, creator, "demo-data", request);
    return 1;
  }

  private int insertIfAbsent(Object record, String id) {
    if (mongo.findById(id, record.getClass()) != null) return 0;
    mongo.insert(record);
    return 1;
  }

  private static Invoice invoice(String id, String creator, String name, String campaign, String amount) {
    return new Invoice(id, TENANT, creator, name, campaign, new BigDecimal(amount), "USD", InvoiceStatus.APPROVED, null);
  }
}
