package dev.claraop.payout.campaign;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.ingest.CampaignDetected;
import dev.claraop.events.ingest.EmailScanned;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Brand deals found in an inbox become DRAFT campaigns: once per thread, poison aside, visible to whom it concerns. */
class CampaignDraftsIT extends PayoutIntegrationTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> CUES = List.of("subject.sponsorship", "sender.partnership-mailbox");
  @Autowired MockMvc http;
  @Autowired KafkaTemplate<String, String> kafka;
  private String tenant;
  private String mailbox;

  @BeforeEach
  void fresh() {
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    mailbox = "mb-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_thread_becomes_one_draft_however_often_its_deals_are_detected_or_delivered() throws Exception {
    EventEnvelope first = detected(tenant, mailbox, "m1", "thread-a", "admin-1", "Lumen Skincare sponsorship, Oct 2026");
    send(first);
    send(first); // redelivered
    send(detected(tenant, mailbox, "m2", "thread-a", "admin-1", "Lumen Skincare collaboration, Oct 2026")); // follow-up
    send(scanned(tenant, mailbox, "m3")); // not a deal: nothing to draft
    send(detected(tenant, mailbox, "m4", "thread-b", "admin-1", "Ridgeline sponsorship, Oct 2026"));

    JsonNode items = awaitCampaigns(admin(tenant), 2);
    assertThat(items).extracting(i -> i.get("threadId").asString()).containsExactlyInAnyOrder("thread-a", "thread-b");
    JsonNode lumen = find(items, "thread-a");
    assertThat(lumen.get("status").asString()).isEqualTo("DRAFT");
    assertThat(lumen.get("source").asString()).isEqualTo("INBOX");
    assertThat(lumen.get("name").asString()).as("the first detection names it").isEqualTo("Lumen Skincare sponsorship, Oct 2026");
    assertThat(lumen.get("brandDomain").asString()).isEqualTo("lumen-skincare.com");
    assertThat(lumen.get("cues")).extracting(JsonNode::asString).containsExactlyElementsOf(CUES);
    // Settled: nothing more arrives for this tenant.
    TimeUnit.SECONDS.sleep(1);
    assertThat(campaigns(admin(tenant))).hasSize(2);
  }

  @Test
  void poison_goes_to_the_dead_letter_topic_and_the_drafts_after_it_are_still_made() throws Exception {
    kafka.send(Topics.INGEST, mailbox, "{ this is not an event").get(10, TimeUnit.SECONDS);
    send(detected(tenant, mailbox, "m1", " ", "admin-1", "No thread, Oct 2026"));
    send(detected(tenant, mailbox, "m2", "thread-c", "admin-1", "Kinetic sponsorship, Oct 2026"));

    assertThat(awaitCampaigns(admin(tenant), 1).get(0).get("threadId").asString()).isEqualTo("thread-c");
    assertThat(KafkaRecords.read(Topics.deadLetterOf(Topics.INGEST), r -> mailbox.equals(r.key()), 2,
        Duration.ofSeconds(20))).hasSize(2);
  }

  @Test
  void an_admin_sees_every_draft_a_manager_those_of_their_own_inbox_a_creator_none_and_another_tenant_nothing()
      throws Exception {
    send(detected(tenant, mailbox, "m1", "thread-admin", "admin-1", "Halo sponsorship, Oct 2026"));
    send(detected(tenant, "mb-manager", "m2", "thread-manager", "manager-1", "Mira ambassador programme, Oct 2026"));
    awaitCampaigns(admin(tenant), 2);

    assertThat(campaigns(tenantUser("manager-1", tenant, Role.MANAGER))).extracting(i -> i.get("threadId").asString())
        .containsExactly("thread-manager");
    assertThat(campaigns(tenantUser("manager-2", tenant, Role.MANAGER))).isEmpty();
    // a creator reads only campaigns they invoiced, and a draft never
    assertThat(campaigns(tenantUser("creator-1", tenant, Role.CREATOR))).isEmpty();
    assertThat(campaigns(admin("other-" + tenant))).isEmpty();
  }

  private static RequestPostProcessor admin(String tenant) {
    return tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  }

  private JsonNode awaitCampaigns(RequestPostProcessor caller, int count) throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> campaigns(caller).size() >= count);
    return campaigns(caller);
  }

  private JsonNode campaigns(RequestPostProcessor caller) throws Exception {
    String body = http.perform(get("/api/campaigns").with(caller)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    return JSON.readTree(body).get("items");
  }

  private static JsonNode find(JsonNode items, String thread) {
    for (JsonNode item : items) if (item.get("threadId").asString().equals(thread)) return item;
    throw new AssertionError("no campaign for " + thread);
  }

  private static EventEnvelope detected(String tenant, String mailbox, String message, String thread, String connectedBy,
      String name) {
    String domain = name.startsWith("Lumen") ? "lumen-skincare.com" : "brand.example";
    return CODEC.envelope(EventTypes.INGEST_CAMPAIGN_DETECTED, UUID.randomUUID(), Instant.now(), tenant,
        Actor.system("gmail-ingest-service"), mailbox, null, null,
        new CampaignDetected(mailbox, message, thread, domain, name, Instant.parse("2026-10-01T08:00:00Z"), connectedBy,
            CUES));
  }

  private static EventEnvelope scanned(String tenant, String mailbox, String message) {
    return CODEC.envelope(EventTypes.INGEST_EMAIL_SCANNED, UUID.randomUUID(), Instant.now(), tenant,
        Actor.system("gmail-ingest-service"), mailbox, null, null,
        new EmailScanned(mailbox, message, message, "printshop.example", Instant.parse("2026-10-01T09:00:00Z"), false,
            -5, List.of("subject.receipt-or-invoice")));
  }

  private void send(EventEnvelope event) throws Exception {
    kafka.send(Topics.INGEST, event.subjectId(), CODEC.write(event)).get(10, TimeUnit.SECONDS);
  }
}
