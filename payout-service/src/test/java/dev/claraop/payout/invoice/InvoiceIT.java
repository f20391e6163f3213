package dev.claraop.payout.invoice;

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
import dev.claraop.payout.campaign.Campaign;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Invoices through HTTP: who submits, who reads what, who decides, once; and each change on payout.events. */
class InvoiceIT extends PayoutIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired ApplicationContext context;
  private final JsonMapper json = JsonMapper.builder().build();
  private final EventCodec codec = new EventCodec();
  private String tenant;
  private String creator;
  private String otherCreator;
  private String manager;
  private String campaign;

  @BeforeEach
  void tenantWithAPod() {
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    creator = "creator-" + UUID.randomUUID();
    otherCreator = "creator-" + UUID.randomUUID();
    manager = "manager-" + UUID.randomUUID();
    campaign = "campaign-" + UUID.randomUUID();
    mongo.insert(new Campaign(campaign, tenant, "Spring launch", "acme.example", Campaign.CampaignStatus.ACTIVE));
    IdentityAnnouncements identity = IdentityAnnouncements.from(context);
    identity.creator(tenant, creator);
    identity.creator(tenant, otherCreator);
    identity.pod(tenant, "pod-a", manager, List.of(creator));
  }

  @Test
  void a_creator_submits_and_the_pods_manager_approves_and_each_change_is_published_once() throws Exception {
    String id = submit(asCreator(creator), "1250.00", "USD").get("id").asString();

    assertThat(view(asAdmin(), id).get("status").asString()).isEqualTo("SUBMITTED");
    http.perform(post("/api/invoices/" + id + "/approve").with(asManager()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value(manager));
    // decided once: a second decision, either way, is a conflict and changes nothing
    http.perform(post("/api/invoices/" + id + "/reject").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"too late\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(view(asAdmin(), id).get("status").asString()).isEqualTo("APPROVED");

    List<EventEnvelope> events = KafkaRecords.read(Topics.PAYOUT, r -> r.key().equals(id), 2, Duration.ofSeconds(20))
        .stream().map(r -> codec.read(r.value())).toList();
    assertThat(events).extracting(EventEnvelope::type).containsExactly("payout.invoice.submitted", "payout.invoice.approved");
    assertThat(events.getFirst().actor().id()).isEqualTo(creator);
    assertThat(events.getLast().actor().id()).isEqualTo(manager);
  }

  @Test
  void the_approved_invoice_is_what_a_batch_pays() throws Exception {
    String id = submit(asCreator(creator), "99.50", "CHF").get("id").asString();
    http.perform(post("/api/invoices/" + id + "/approve").with(asAdmin())).andExpect(status().isOk());
    // No payout profile for the creator yet: generation refuses, naming the creator, and gives the invoice back.
    http.perform(post("/api/batches").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"CHF\"}"))
        .andExpect(status().isConflict());
    assertThat(mongo.findById(id, Invoice.class).batchId()).isNull();
  }

  @Test
  void segregation_of_duties_and_scopes() throws Exception {
    String mine = submit(asCreator(creator), "10.00", "USD").get("id").asString();
    String theirs = submit(asCreator(otherCreator), "20.00", "USD").get("id").asString();

    // a creator never decides, not even on another's invoice
    http.perform(post("/api/invoices/" + theirs + "/approve").with(asCreator(creator))).andExpect(status().isForbidden());
    // a manager decides only in their pods: another creator's invoice is absent
    http.perform(post("/api/invoices/" + theirs + "/approve").with(asManager())).andExpect(status().isNotFound());
    // another tenant's ADMIN finds nothing
    http.perform(post("/api/invoices/" + mine + "/approve").with(tenantUser("admin-x", "t-other", Role.ADMIN)))
        .andExpect(status().isNotFound());
    // staff without a grant, and a PLATFORM_ADMIN, see no tenant's invoices
    http.perform(get("/api/invoices").with(staff("engineer-1", Role.SUPPORT_ENGINEER))).andExpect(status().isForbidden());
    http.perform(get("/api/invoices").with(staff("platform-1", Role.PLATFORM_ADMIN))).andExpect(status().isForbidden());
    // a MANAGER cannot submit; a CREATOR submits only as themself (the token's user)
    http.perform(post("/api/invoices").with(asManager()).contentType(MediaType.APPLICATION_JSON)
        .content(body(campaign, "5.00", "USD"))).andExpect(status().isForbidden());

    assertThat(ids(list(asCreator(creator)))).containsExactly(mine);
    assertThat(ids(list(asManager()))).containsExactly(mine);
    assertThat(ids(list(asAdmin()))).containsExactlyInAnyOrder(mine, theirs);
    assertThat(ids(list(tenantUser("admin-x", "t-other", Role.ADMIN)))).isEmpty();

    // nobody decides on their own invoice, even holding a deciding role
    http.perform(post("/api/invoices/" + mine + "/approve")
        .with(tenantUser(creator, tenant, Role.ADMIN, Role.CREATOR))).andExpect(status().isForbidden());
    // the creator leaves the pod: the same manager token no longer sees the invoice
    IdentityAnnouncements.from(context).pod(tenant, "pod-a", manager, List.of());
    assertThat(ids(list(asManager()))).isEmpty();
  }

  @Test
  void bad_input_is_a_problem_naming_the_field_and_stores_nothing() throws Exception {
    long before = mongo.count(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant)), Invoice.class);
    for (String[] bad : List.of(
        new String[] {body(campaign, "0.00", "USD"), "amount"},
        new String[] {body(campaign, "10.001", "USD"), "amount"},
        new String[] {body(campaign, "10.00", "usd"), "currency"},
        new String[] {body(campaign, "10.00", "XYZ"), "currency"},
        new String[] {body("no-such-campaign", "10.00", "USD"), "campaignId"},
        new String[] {"{\"amount\":10,\"currency\":\"USD\"}", "campaignId"})) {
      http.perform(post("/api/invoices").with(asCreator(creator)).contentType(MediaType.APPLICATION_JSON).content(bad[0]))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(content().string(org.hamcrest.Matchers.containsString(bad[1])));
    }
    String id = submit(asCreator(creator), "10.00", "USD").get("id").asString();
    // a reason holding an IBAN is refused, and the invoice stays submitted
    http.perform(post("/api/invoices/" + id + "/reject").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"pay to DE89 3704 0044 0532 0130 00 instead\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("DE89"))));
    assertThat(mongo.findById(id, Invoice.class).status()).isEqualTo(InvoiceStatus.SUBMITTED);
    assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant)), Invoice.class)).isEqualTo(before + 1);
  }

  @Test
  void proofs_of_delivery_travel_with_the_invoice_to_its_reviewer() throws Exception {
    String body = "{\"campaignId\":\"" + campaign + "\",\"amount\":80.00,\"currency\":\"USD\",\"proofs\":["
        + "{\"url\":\"https://video.example/watch/abc123\",\"deliveredOn\":\"2026-11-02\"},"
        + "{\"url\":\"https://social.example/p/xyz\"}]}";
    String id = json.readTree(http.perform(post("/api/invoices").with(asCreator(creator))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.proofs.length()").value(2))
        .andReturn().getResponse().getContentAsString()).get("id").asString();
    JsonNode seen = view(asManager(), id);
    assertThat(seen.get("proofs").get(0).get("url").asString()).isEqualTo("https://video.example/watch/abc123");
    assertThat(seen.get("proofs").get(0).get("deliveredOn").asString()).isEqualTo("2026-11-02");

    for (String bad : List.of("{\"url\":\"http://plain.example/x\"}", "{\"url\":\" \"}",
        "{\"url\":\"https://x.example/" + "a".repeat(500) + "\"}")) {
      http.perform(post("/api/invoices").with(asCreator(creator)).contentType(MediaType.APPLICATION_JSON)
              .content("{\"campaignId\":\"" + campaign + "\",\"amount\":1.00,\"currency\":\"USD\",\"proofs\":[" + bad + "]}"))
          .andExpect(status().isBadRequest())
          .andExpect(content().string(org.hamcrest.Matchers.containsString("proofs")));
    }
  }

  @Test
  void ten_racing_decisions_make_one() throws Exception {
    String id = submit(asCreator(creator), "42.00", "USD").get("id").asString();
    List<Callable<Integer>> decisions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boolean approve = i % 2 == 0;
      decisions.add(() -> http.perform(approve ? post("/api/invoices/" + id + "/approve").with(asAdmin())
          : post("/api/invoices/" + id + "/reject").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
              .content("{\"reason\":\"duplicate\"}")).andReturn().getResponse().getStatus());
    }
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(10)) {
      for (Future<Integer> decision : pool.invokeAll(decisions)) statuses.add(decision.get());
    }
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
  }

  @Test
  void pages_are_newest_first_and_follow_the_cursor() throws Exception {
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 5; i++) submitted.add(submit(asCreator(creator), (i + 1) + ".00", "USD").get("id").asString());
    JsonNode first = json.readTree(http.perform(get("/api/invoices").param("limit", "3").with(asAdmin()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    JsonNode second = json.readTree(http.perform(get("/api/invoices").param("limit", "3")
            .param("cursor", first.get("nextCursor").asString()).with(asAdmin()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    List<String> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    assertThat(all).containsExactlyElementsOf(submitted.reversed());
    assertThat(second.get("nextCursor").isNull()).isTrue();
    http.perform(get("/api/invoices").param("limit", "0").with(asAdmin())).andExpect(status().isBadRequest());
  }

  @Test
  void one_invoice_is_read_in_the_scope_its_list_has() throws Exception {
    String mine = submit(asCreator(creator), "10.00", "USD").get("id").asString();
    String theirs = submit(asCreator(otherCreator), "20.00", "USD").get("id").asString();
    for (RequestPostProcessor reader : List.of(asCreator(creator), asManager(), asAdmin())) {
      http.perform(get("/api/invoices/" + mine).with(reader)).andExpect(status().isOk())
          .andExpect(jsonPath("$.id").value(mine)).andExpect(jsonPath("$.creatorId").value(creator))
          .andExpect(jsonPath("$.campaignId").value(campaign)).andExpect(jsonPath("$.amount").value(10.00))
          .andExpect(jsonPath("$.currency").value("USD")).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }
    http.perform(get("/api/invoices/" + theirs).with(asAdmin())).andExpect(status().isOk());
    // Another creator's, outside the manager's pods, another tenant's, or none at all: the same 404.
    for (var absent : List.of(get("/api/invoices/" + theirs).with(asCreator(creator)),
        get("/api/invoices/" + theirs).with(asManager()),
        get("/api/invoices/" + mine).with(tenantUser("admin-x", "t-other", Role.ADMIN)),
        get("/api/invoices/" + mine).with(tenantUser(creator, "t-other", Role.CREATOR)),
        get("/api/invoices/inv-unknown").with(asAdmin()))) {
      http.perform(absent).andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail").value("invoice not found"));
    }
    for (Role role : List.of(Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER, Role.PLATFORM_ADMIN, Role.SECURITY_TRIAGE)) {
      http.perform(get("/api/invoices/" + mine).with(staff("staff-1", role))).andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get("/api/invoices/" + mine)).andExpect(status().isUnauthorized());
  }

  @Test
  void the_list_is_narrowed_by_status_and_creator_within_the_readers_scope() throws Exception {
    String approved = submit(asCreator(creator), "1.00", "USD").get("id").asString();
    String submitted = submit(asCreator(creator), "2.00", "USD").get("id").asString();
    String theirs = submit(asCreator(otherCreator), "3.00", "USD").get("id").asString();
    http.perform(post("/api/invoices/" + approved + "/approve").with(asManager())).andExpect(status().isOk());

    assertThat(ids(list(asAdmin(), "status", "SUBMITTED"))).containsExactly(theirs, submitted);
    assertThat(ids(list(asAdmin(), "status", "APPROVED"))).containsExactly(approved);
    assertThat(ids(list(asAdmin(), "creatorId", otherCreator))).containsExactly(theirs);
    assertThat(ids(list(asAdmin(), "status", "SUBMITTED", "creatorId", creator))).containsExactly(submitted);
    assertThat(ids(list(asManager(), "status", "SUBMITTED"))).containsExactly(submitted);
    // A creator outside the reader's scope narrows the list to nothing, never widens it.
    assertThat(ids(list(asManager(), "creatorId", otherCreator))).isEmpty();
    assertThat(ids(list(asCreator(creator), "creatorId", otherCreator))).isEmpty();
    assertThat(ids(list(asCreator(creator), "creatorId", creator))).containsExactly(submitted, approved);
    http.perform(get("/api/invoices").param("status", "LOST").with(asAdmin())).andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private JsonNode list(RequestPostProcessor reader, String... params) throws Exception {
    var request = get("/api/invoices").with(reader);
    for (int i = 0; i < params.length; i += 2) request = request.param(params[i], params[i + 1]);
    return json.readTree(http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  private JsonNode submit(RequestPostProcessor creator, String amount, String currency) throws Exception {
    return json.readTree(http.perform(post("/api/invoices").with(creator).contentType(MediaType.APPLICATION_JSON)
            .content(body(campaign, amount, currency)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andReturn().getResponse().getContentAsString());
  }

  private static String body(String campaign, String amount, String currency) {
    return "{\"campaignId\":\"" + campaign + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}";
  }

  private JsonNode view(RequestPostProcessor reader, String id) throws Exception {
    for (JsonNode item : list(reader).get("items")) if (item.get("id").asString().equals(id)) return item;
    throw new AssertionError("invoice " + id + " not listed");
  }

  private JsonNode list(RequestPostProcessor reader) throws Exception {
    return json.readTree(http.perform(get("/api/invoices").with(reader)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }

  private RequestPostProcessor asCreator(String id) {
    return tenantUser(id, tenant, Role.CREATOR);
  }

  private RequestPostProcessor asManager() {
    return tenantUser(manager, tenant, Role.MANAGER);
  }

  private RequestPostProcessor asAdmin() {
    return tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  }
}
