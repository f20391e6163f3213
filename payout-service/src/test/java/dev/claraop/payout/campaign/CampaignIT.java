package dev.claraop.payout.campaign;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.Topics;
import dev.claraop.payout.IdentityAnnouncements;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.payout.campaign.internal.CampaignDocument;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns made by hand, and what a creator reads of the tenant's campaigns: the ones they invoiced. */
class CampaignIT extends PayoutIntegrationTest {

  @Autowired MockMvc http;
  @Autowired ApplicationContext context;
  @Autowired MongoTemplate mongo;
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void an_admin_or_manager_makes_a_campaign_which_is_published_and_a_creator_reads_only_those_they_invoiced()
      throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String creator = "creator-" + UUID.randomUUID();
    IdentityAnnouncements.from(context).creator(tenant, creator);
    RequestPostProcessor admin = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
    RequestPostProcessor manager = tenantUser("manager-" + tenant, tenant, Role.MANAGER);
    RequestPostProcessor asCreator = tenantUser(creator, tenant, Role.CREATOR);

    String launch = create(admin, "Spring launch", "Lumen Skincare");
    String boots = create(manager, "Winter boots drop", "Ridgeline Outdoor");
    assertThat(ids(admin)).containsExactlyInAnyOrder(launch, boots);
    assertThat(ids(manager)).containsExactlyInAnyOrder(launch, boots);
    assertThat(ids(tenantUser("admin-x", "t-other", Role.ADMIN))).isEmpty();

    // a creator makes none, and reads only what they invoiced
    http.perform(post("/api/campaigns").with(asCreator).contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\":\"Mine\",\"brand\":\"Me\"}")).andExpect(status().isForbidden());
    assertThat(ids(asCreator)).isEmpty();
    http.perform(post("/api/invoices").with(asCreator).contentType(MediaType.APPLICATION_JSON)
        .content("{\"campaignId\":\"" + boots + "\",\"amount\":300.00,\"currency\":\"USD\"}")).andExpect(status().isCreated());
    assertThat(ids(asCreator)).containsExactly(boots);

    List<EventEnvelope> events = KafkaRecords.read(Topics.PAYOUT, r -> r.key().equals(launch), 1, Duration.ofSeconds(20))
        .stream().map(r -> new EventCodec().read(r.value())).toList();
    assertThat(events).extracting(EventEnvelope::type).containsExactly("payout.campaign.created");
    assertThat(events.getFirst().actor().id()).isEqualTo("admin-" + tenant);
  }

  @Test
  void a_campaign_without_a_name_or_brand_is_a_problem_naming_the_field() throws Exception {
    RequestPostProcessor admin = tenantUser("admin-t-bad", "t-bad", Role.ADMIN);
    for (String[] bad : List.of(new String[] {"{\"brand\":\"Acme\"}", "name"}, new String[] {"{\"name\":\"X\",\"brand\":\" \"}", "brand"},
        new String[] {"{\"name\":\"" + "n".repeat(121) + "\",\"brand\":\"Acme\"}", "name"})) {
      http.perform(post("/api/campaigns").with(admin).contentType(MediaType.APPLICATION_JSON).content(bad[0]))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(content().string(org.hamcrest.Matchers.containsString(bad[1])));
    }
    assertThat(ids(admin)).isEmpty();
  }

  @Test
  void one_campaign_is_read_in_the_scope_its_list_has() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String creator = "creator-" + UUID.randomUUID();
    IdentityAnnouncements.from(context).creator(tenant, creator);
    RequestPostProcessor admin = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
    RequestPostProcessor managerA = tenantUser("manager-a", tenant, Role.MANAGER);
    RequestPostProcessor managerB = tenantUser("manager-b", tenant, Role.MANAGER);
    RequestPostProcessor asCreator = tenantUser(creator, tenant, Role.CREATOR);
    String launch = create(admin, "Spring launch", "Lumen Skincare");
    String untouched = create(admin, "Autumn", "Parcel & Co");
    String draftOfA = draft(tenant, "manager-a", Instant.now());
    http.perform(post("/api/invoices").with(asCreator).contentType(MediaType.APPLICATION_JSON)
        .content("{\"campaignId\":\"" + launch + "\",\"amount\":30.00,\"currency\":\"USD\"}")).andExpect(status().isCreated());

    for (RequestPostProcessor reader : List.of(admin, managerA, managerB, asCreator)) {
      http.perform(get("/api/campaigns/" + launch).with(reader)).andExpect(status().isOk())
          .andExpect(jsonPath("$.id").value(launch)).andExpect(jsonPath("$.name").value("Spring launch"))
          .andExpect(jsonPath("$.status").value("ACTIVE"));
    }
    for (RequestPostProcessor reader : List.of(admin, managerA)) {
      http.perform(get("/api/campaigns/" + draftOfA).with(reader)).andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.cues[0]").value("subject:collab"))
          .andExpect(jsonPath("$.mailboxId").value("mbx-1"));
    }
    // What the caller's list would not show is absent: another manager's draft, a draft or an uninvoiced campaign
    // for a creator, anything of another tenant, an unknown id.
    for (var absent : List.of(get("/api/campaigns/" + draftOfA).with(managerB),
        get("/api/campaigns/" + draftOfA).with(asCreator), get("/api/campaigns/" + untouched).with(asCreator),
        get("/api/campaigns/" + launch).with(tenantUser("admin-x", "t-other", Role.ADMIN)),
        get("/api/campaigns/" + launch).with(tenantUser(creator, "t-other", Role.CREATOR)),
        get("/api/campaigns/cmp-unknown").with(admin))) {
      http.perform(absent).andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    for (Role role : List.of(Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER, Role.PLATFORM_ADMIN, Role.SECURITY_TRIAGE)) {
      http.perform(get("/api/campaigns/" + launch).with(staff("staff-1", role))).andExpect(status().isForbidden());
    }
    http.perform(get("/api/campaigns/" + launch)).andExpect(status().isUnauthorized());
  }

  @Test
  void the_list_is_paged_newest_first_with_undated_seeds_last_and_narrowed_by_status() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor admin = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
    Instant t0 = Instant.parse("2026-02-01T10:00:00Z");
    List<String> newestFirst = new ArrayList<>();
    String seeded = "seed-" + UUID.randomUUID();
    mongo.insert(new Campaign(seeded, tenant, "Seeded", "Acme", Campaign.CampaignStatus.ACTIVE)); // no createdAt
    for (int i = 0; i < 4; i++) newestFirst.addFirst(draft(tenant, "manager-a", t0.plusSeconds(i)));
    newestFirst.add(seeded);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = get("/api/campaigns").param("limit", "2").with(admin);
      if (cursor != null) request = request.param("cursor", cursor);
      JsonNode page = json.readTree(http.perform(request).andExpect(status().isOk()).andReturn().getResponse()
          .getContentAsString());
      page.get("items").forEach(item -> seen.add(item.get("id").asString()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(newestFirst);

    JsonNode active = json.readTree(http.perform(get("/api/campaigns").param("status", "ACTIVE").with(admin))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(active.get("items")).extracting(i -> i.get("id").asString()).containsExactly(seeded);
    for (var bad : List.of(get("/api/campaigns").param("limit", "201"), get("/api/campaigns").param("cursor", "nope"),
        get("/api/campaigns").param("status", "ARCHIVED"))) {
      http.perform(bad.with(admin)).andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  /** An inbox draft as {@code CampaignDrafts} stores it, from a mailbox {@code connectedBy} connected. */
  private String draft(String tenant, String connectedBy, Instant at) {
    String id = "cmp-" + UUID.randomUUID();
    mongo.insert(new CampaignDocument(id, tenant, "Collab with Lumen", "Lumen Skincare", Campaign.CampaignStatus.DRAFT,
        CampaignDocument.FROM_INBOX, "lumen-skincare.example", "mbx-1", "thread-" + id, connectedBy,
        List.of("subject:collab"), at, at, List.of(), null, List.of()));
    return id;
  }

  private String create(RequestPostProcessor caller, String name, String brand) throws Exception {
    return json.readTree(http.perform(post("/api/campaigns").with(caller).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"" + name + "\",\"brand\":\"" + brand + "\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.source").value("MANUAL"))
        .andReturn().getResponse().getContentAsString()).get("id").asString();
  }

  private List<String> ids(RequestPostProcessor reader) throws Exception {
    JsonNode page = json.readTree(http.perform(get("/api/campaigns").with(reader)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }
}
