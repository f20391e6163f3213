package dev.claraop.payout.campaign;

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
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns made by hand, and what a creator reads of the tenant's campaigns: the ones they invoiced. */
class CampaignIT extends PayoutIntegrationTest {

  @Autowired MockMvc http;
  @Autowired ApplicationContext context;
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
