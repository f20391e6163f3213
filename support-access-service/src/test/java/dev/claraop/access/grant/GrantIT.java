package dev.claraop.access.grant;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.access.AccessIntegrationTest;
import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import dev.claraop.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests, approvals and grants through HTTP, the Mongo outbox and a real Kafka broker: who may do what,
 * the four-eyes and email-content rules, how access ends, and what reaches {@code access.events}.
 */
class GrantIT extends AccessIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MovableClock clock;
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
  private final String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 8);
  private final RequestPostProcessor engineerCall = staff(engineer, Role.SUPPORT_ENGINEER);
  private final RequestPostProcessor adminCall = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  private final RequestPostProcessor reviewerCall = staff("reviewer-1", Role.SUPPORT_REVIEWER);
  private final RequestPostProcessor otherAdminCall = tenantUser("admin-other", "t-other", Role.ADMIN);

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void tenant_consent_activates_a_grant_for_its_duration_and_every_step_is_an_event() throws Exception {
    String ticket = ticket();
    JsonNode requested = json(request(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\",\"INVOICES_READ\"]", null, 120)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andExpect(jsonPath("$.requestedBy").value(engineer))
        .andExpect(jsonPath("$.tenantId").value(tenant)));
    String id = requested.get("id").asString();

    Instant before = Instant.now();
    JsonNode approved = json(http.perform(post(approve(id)).with(adminCall).header("X-Request-Id", "req-consent-1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.approvedBy").value("admin-" + tenant))
        .andExpect(jsonPath("$.consentBy").value("admin-" + tenant))
        .andExpect(jsonPath("$.reviewedBy").isEmpty()));
    Instant expiresAt = Instant.parse(approved.get("expiresAt").asString());
    assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(120)), Instant.now().plus(Duration.ofMinutes(120)));

    List<EventEnvelope> events = published(id, 3);
    assertThat(events).extracting(EventEnvelope::type)
        .containsExactly("access.request.submitted", "access.request.approved", "access.grant.activated");
    assertThat(events.get(0).actor()).isEqualTo(Actor.staff(engineer, id));
    assertThat(events.get(1).actor()).isEqualTo(Actor.user("admin-" + tenant));
    assertThat(events.get(1).correlationId()).isEqualTo("req-consent-1");
    assertThat(events).allMatch(e -> tenant.equals(e.tenantId()) && id.equals(e.subjectId()));
    var activated = codec.data(events.get(2), EventTypes.ACCESS_GRANT_ACTIVATED);
    assertThat(activated.approvedBy()).containsExactly("admin-" + tenant);
    assertThat(activated.scopes()).containsExactly("PAYOUTS_READ", "INVOICES_READ");
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> mongo.findById(id, Grant.class).outbox().isEmpty());
  }

  @Test
  void a_reviewer_who_is_not_the_requester_escalates_and_nobody_decides_on_their_own_request() throws Exception {
    String both = "eng-rev-" + UUID.randomUUID().toString().substring(0, 6);
    RequestPostProcessor engineerAndReviewer = staff(both, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER);
    String id = id(http.perform(requestBody(engineerAndReviewer, ticket(), "INCIDENT", "[\"INVOICES_READ\"]", null, 60))
        .andExpect(status().isCreated()));

    http.perform(post(approve(id)).with(engineerAndReviewer))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("their own")));
    http.perform(post(deny(id)).with(engineerAndReviewer).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\"withdrawn\"}")).andExpect(status().isForbidden());
    assertThat(mongo.findById(id, Grant.class).status()).isEqualTo(GrantStatus.PENDING);

    http.perform(post(approve(id)).with(reviewerCall))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.reviewedBy").value("reviewer-1"));
    http.perform(post(approve(id)).with(reviewerCall)).andExpect(status().isConflict());
    List<EventEnvelope> events = published(id, 3);
    assertThat(events.get(1).actor()).isEqualTo(Actor.staff("reviewer-1", id));
    assertThat(codec.data(events.get(1), EventTypes.ACCESS_REQUEST_APPROVED).approval()).isEqualTo("REVIEWER_ESCALATION");
  }

  @Test
  void email_content_needs_a_basis_a_reviewer_and_tenant_consent_unless_the_reason_is_legal() throws Exception {
    request(ticket(), "SUPPORT_TICKET", "[\"EMAIL_CONTENT_READ\"]", null, 60)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("basis"));

    String complaint = id(request(ticket(), "SUPPORT_TICKET", "[\"EMAIL_CONTENT_READ\"]", "Complaint CMP-2231", 60)
        .andExpect(status().isCreated()));
    http.perform(post(approve(complaint)).with(adminCall)).andExpect(jsonPath("$.status").value("PENDING"));
    http.perform(post(approve(complaint)).with(adminCall)).andExpect(status().isConflict());
    http.perform(post(approve(complaint)).with(reviewerCall)).andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.basis").value("Complaint CMP-2231"));
    assertThat(codec.data(published(complaint, 4).get(3), EventTypes.ACCESS_GRANT_ACTIVATED).approvedBy())
        .containsExactly("admin-" + tenant, "reviewer-1");

    String reviewerFirst = id(request(ticket(), "INCIDENT", "[\"EMAIL_CONTENT_READ\",\"EMAIL_METADATA_READ\"]",
        "Complaint CMP-2232", 60));
    http.perform(post(approve(reviewerFirst)).with(reviewerCall)).andExpect(jsonPath("$.status").value("PENDING"));
    http.perform(post(approve(reviewerFirst)).with(adminCall)).andExpect(jsonPath("$.status").value("ACTIVE"));

    String legal = id(request(ticket(), "LEGAL", "[\"EMAIL_CONTENT_READ\"]", "Court order 24-CV-0193", 60));
    http.perform(post(approve(legal)).with(reviewerCall)).andExpect(jsonPath("$.status").value("ACTIVE"));

    String legalByConsent = id(request(ticket(), "LEGAL", "[\"EMAIL_CONTENT_READ\"]", "Court order 24-CV-0194", 60));
    http.perform(post(approve(legalByConsent)).with(adminCall)).andExpect(jsonPath("$.status").value("PENDING"));
  }

  @Test
  void a_request_nobody_decides_on_expires_after_the_decision_window() throws Exception {
    String id = id(request(ticket(), "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60));
    clock.advance(Duration.ofHours(24).plusSeconds(1));

    http.perform(get(grant(id)).with(engineerCall)).andExpect(jsonPath("$.status").value("EXPIRED"));
    http.perform(post(approve(id)).with(adminCall)).andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("EXPIRED")));
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> mongo.findById(id, Grant.class).status() == GrantStatus.EXPIRED);
    EventEnvelope expired = published(id, 2).get(1);
    assertThat(expired.type()).isEqualTo("access.request.expired");
    assertThat(expired.actor()).isEqualTo(Actor.system("support-access-service"));
  }

  @Test
  void a_grant_stops_at_its_expiry_at_once_and_the_expiry_is_announced() throws Exception {
    String id = id(request(ticket(), "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 30));
    http.perform(post(approve(id)).with(adminCall)).andExpect(jsonPath("$.status").value("ACTIVE"));
    clock.advance(Duration.ofMinutes(29));
    http.perform(get(grant(id)).with(engineerCall)).andExpect(jsonPath("$.status").value("ACTIVE"));
    clock.advance(Duration.ofMinutes(1));
    http.perform(get(grant(id)).with(engineerCall))
        .andExpect(jsonPath("$.status").value("EXPIRED")).andExpect(jsonPath("$.endCause").value("EXPIRED"));
    http.perform(post(revoke(id)).with(adminCall)).andExpect(status().isConflict());

    EventEnvelope ended = published(id, 4).get(3);
    assertThat(ended.type()).isEqualTo("access.grant.ended");
    assertThat(codec.data(ended, EventTypes.ACCESS_GRANT_ENDED).cause()).isEqualTo("EXPIRED");
  }

  @Test
  void closing_a_ticket_ends_every_grant_and_pending_request_of_it_and_nothing_else() throws Exception {
    String ticket = ticket();
    String first = id(request(ticket, "INCIDENT", "[\"PAYOUTS_READ\"]", null, 240));
    String second = id(request(ticket, "INCIDENT", "[\"INVOICES_READ\"]", null, 240));
    String pending = id(request(ticket, "INCIDENT", "[\"EMAIL_METADATA_READ\"]", null, 240));
    String otherTicket = id(request(ticket(), "INCIDENT", "[\"PAYOUTS_READ\"]", null, 240));
    for (String id : List.of(first, second, otherTicket)) http.perform(post(approve(id)).with(reviewerCall));

    http.perform(post("/api/support-access/tickets/" + ticket + "/close").with(engineerCall))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.endedGrantIds.length()").value(3));
    for (String id : List.of(first, second, pending)) {
      http.perform(get(grant(id)).with(engineerCall))
          .andExpect(jsonPath("$.status").value("ENDED")).andExpect(jsonPath("$.endCause").value("TICKET_CLOSED"));
    }
    http.perform(get(grant(otherTicket)).with(engineerCall)).andExpect(jsonPath("$.status").value("ACTIVE"));
    http.perform(post(approve(pending)).with(adminCall)).andExpect(status().isConflict());
    http.perform(post("/api/support-access/tickets/" + ticket + "/close").with(reviewerCall))
        .andExpect(jsonPath("$.endedGrantIds.length()").value(0));

    var ended = codec.data(published(first, 4).get(3), EventTypes.ACCESS_GRANT_ENDED);
    assertThat(ended.cause()).isEqualTo("TICKET_CLOSED");
    assertThat(ended.endedBy()).isEqualTo(engineer);
    assertThat(codec.data(published(pending, 2).get(1), EventTypes.ACCESS_GRANT_ENDED).previousStatus())
        .isEqualTo("PENDING");
  }

  @Test
  void a_tenant_admin_revokes_a_grant_on_their_tenant_and_only_there() throws Exception {
    String id = id(request(ticket(), "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60));
    http.perform(post(approve(id)).with(reviewerCall)).andExpect(jsonPath("$.status").value("ACTIVE"));
    http.perform(post(revoke(id)).with(otherAdminCall)).andExpect(status().isNotFound());
    http.perform(post(revoke(id)).with(reviewerCall)).andExpect(status().isForbidden());
    http.perform(post(revoke(id)).with(adminCall))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ENDED"))
        .andExpect(jsonPath("$.endCause").value("REVOKED")).andExpect(jsonPath("$.endedBy").value("admin-" + tenant));
    http.perform(post(revoke(id)).with(adminCall)).andExpect(status().isConflict());
  }

  @Test
  void a_denied_request_says_why_and_can_no_longer_be_approved() throws Exception {
    String id = id(request(ticket(), "SUPPORT_TICKET", "[\"INVOICES_READ\"]", null, 60));
    http.perform(post(deny(id)).with(adminCall).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    http.perform(post(deny(id)).with(adminCall).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"We solved it ourselves\"}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DENIED"))
        .andExpect(jsonPath("$.denyReason").value("We solved it ourselves"));
    http.perform(post(approve(id)).with(reviewerCall)).andExpect(status().isConflict());
    assertThat(published(id, 2).get(1).type()).isEqualTo("access.request.denied");
  }

  @Test
  void staff_see_their_own_grants_reviewers_all_and_a_tenant_admin_their_tenants() throws Exception {
    String mine = id(request(ticket(), "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60));
    RequestPostProcessor colleague = staff("eng-colleague", Role.SUPPORT_ENGINEER);

    assertThat(listed(engineerCall)).contains(mine);
    assertThat(listed(colleague)).doesNotContain(mine);
    assertThat(listed(reviewerCall)).contains(mine);
    assertThat(listed(adminCall)).contains(mine);
    assertThat(listed(otherAdminCall)).doesNotContain(mine);
    assertThat(listed(staff("pa", Role.PLATFORM_ADMIN))).doesNotContain(mine);

    http.perform(get(grant(mine)).with(engineerCall))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tenantId").value(tenant)).andExpect(jsonPath("$.scopes[0]").value("PAYOUTS_READ"))
        .andExpect(jsonPath("$.requestedBy").value(engineer)).andExpect(jsonPath("$.status").value("PENDING"));
    http.perform(get(grant(mine)).with(colleague)).andExpect(status().isNotFound());
    http.perform(get(grant(mine)).with(otherAdminCall)).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("grant not found"));
    http.perform(post(approve(mine)).with(otherAdminCall)).andExpect(status().isNotFound());
    http.perform(get(grant("g-" + UUID.randomUUID())).with(reviewerCall)).andExpect(status().isNotFound());
    http.perform(get("/api/support-access/grants?status=ACTIVE").with(engineerCall))
        .andExpect(jsonPath("$.items[?(@.id == '" + mine + "')]").isEmpty());
  }

  @Test
  void every_route_refuses_the_roles_it_does_not_serve() throws Exception {
    String id = id(request(ticket(), "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60));
    String body = requestJson(ticket(), "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60);
    record Route(String name, Function<RequestPostProcessor, MockHttpServletRequestBuilder> call, List<Role> allowed) {}
    List<Route> routes = List.of(
        new Route("request", c -> post("/api/support-access/requests").with(c).contentType(MediaType.APPLICATION_JSON)
            .content(body), List.of(Role.SUPPORT_ENGINEER)),
        new Route("approve", c -> post(approve(id)).with(c), List.of(Role.ADMIN, Role.SUPPORT_REVIEWER)),
        new Route("deny", c -> post(deny(id)).with(c).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"no\"}"), List.of(Role.ADMIN, Role.SUPPORT_REVIEWER)),
        new Route("revoke", c -> post(revoke(id)).with(c), List.of(Role.ADMIN, Role.SUPPORT_ENGINEER)),
        new Route("close", c -> post("/api/support-access/tickets/none/close").with(c),
            List.of(Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER, Role.PLATFORM_ADMIN)),
        new Route("list", c -> get("/api/support-access/grants").with(c),
            List.of(Role.ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER, Role.PLATFORM_ADMIN)),
        new Route("one", c -> get(grant(id)).with(c),
            List.of(Role.ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER, Role.PLATFORM_ADMIN)));
    for (Route route : routes) {
      http.perform(route.call().apply(r -> r)).andExpect(status().isUnauthorized());
      for (Role role : Role.values()) {
        if (route.allowed().contains(role)) continue;
        RequestPostProcessor caller = role.isStaff() ? staff("x-" + role, role) : tenantUser("x-" + role, tenant, role);
        http.perform(route.call().apply(caller))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      }
    }
    assertThat(mongo.findById(id, Grant.class).status()).isEqualTo(GrantStatus.PENDING);
  }

  @Test
  void bad_requests_are_400_problems_naming_the_field_and_store_nothing() throws Exception {
    String ticket = ticket();
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60)
        .replace("}", ",\"approvedBy\":\"me\"}"), "approvedBy");
    assertField(requestJson(ticket, "CURIOSITY", "[\"PAYOUTS_READ\"]", null, 60), "reason");
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_WRITE\"]", null, 60), "scopes[0]");
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[]", null, 60), "scopes");
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\",\"PAYOUTS_READ\"]", null, 60), "scopes");
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 0), "durationMinutes");
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 481), "durationMinutes");
    assertField(requestJson("bad ticket!", "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60), "ticketId");
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60)
        .replace("\"tenantId\":\"" + tenant + "\",", ""), "tenantId");
    assertField(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60)
        .replace("Customer cannot see invoice 1042 in the batch view", "short"), "justification");

    // Staff text is free text too: a card number in a justification is refused, by kind, and not kept.
    http.perform(post("/api/support-access/requests").with(engineerCall).contentType(MediaType.APPLICATION_JSON)
            .content(requestJson(ticket, "SUPPORT_TICKET", "[\"PAYOUTS_READ\"]", null, 60)
                .replace("Customer cannot see invoice 1042 in the batch view", "Customer card 4111 1111 1111 1111 declined")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.kind").value("CARD_NUMBER"))
        .andExpect(jsonPath("$.errors[0].field").value("justification"));
    assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("ticketId").is(ticket)), Grant.class)).isEmpty();
  }

  @Test
  void every_event_on_access_events_conforms_to_its_schema() throws Exception {
    String ticket = ticket();
    String a = id(request(ticket, "LEGAL", "[\"EMAIL_CONTENT_READ\"]", "Subpoena 2025-118", 60));
    http.perform(post(approve(a)).with(reviewerCall));
    String b = id(request(ticket, "SUPPORT_TICKET", "[\"INVOICES_READ\"]", null, 60));
    http.perform(post(deny(b)).with(adminCall).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"No\"}"));
    http.perform(post("/api/support-access/tickets/" + ticket + "/close").with(reviewerCall));
    List<EventEnvelope> events = new java.util.ArrayList<>(published(a, 4));
    events.addAll(published(b, 2));
    assertThat(events).extracting(EventEnvelope::type).containsExactly("access.request.submitted",
        "access.request.approved", "access.grant.activated", "access.grant.ended", "access.request.submitted",
        "access.request.denied");
    for (EventEnvelope event : events) {
      var type = EventTypes.byName(event.type()).orElseThrow();
      assertThat(event.schemaVersion()).isEqualTo(type.schemaVersion());
      assertThat(SchemaCheck.violations(type, event.data())).as(event.type()).isEmpty();
    }
  }

  // --- helpers

  private void assertField(String body, String field) throws Exception {
    http.perform(post("/api/support-access/requests").with(engineerCall).contentType(MediaType.APPLICATION_JSON)
            .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  private ResultActions request(String ticket, String reason, String scopes, String basis, int minutes) throws Exception {
    return http.perform(requestBody(engineerCall, ticket, reason, scopes, basis, minutes));
  }

  private MockHttpServletRequestBuilder requestBody(
      RequestPostProcessor caller, String ticket, String reason, String scopes, String basis, int minutes) {
    return post("/api/support-access/requests").with(caller).contentType(MediaType.APPLICATION_JSON)
        .content(requestJson(ticket, reason, scopes, basis, minutes));
  }

  private String requestJson(String ticket, String reason, String scopes, String basis, int minutes) {
    return "{\"tenantId\":\"" + tenant + "\",\"reason\":\"" + reason + "\",\"ticketId\":\"" + ticket
        + "\",\"scopes\":" + scopes + ",\"justification\":\"Customer cannot see invoice 1042 in the batch view\","
        + "\"durationMinutes\":" + minutes + (basis == null ? "" : ",\"basis\":\"" + basis + "\"") + "}";
  }

  private List<String> listed(RequestPostProcessor caller) throws Exception {
    JsonNode page = json(http.perform(get("/api/support-access/grants").with(caller)).andExpect(status().isOk()));
    return page.get("items").values().stream().map(g -> g.get("id").asString()).toList();
  }

  /** The grant's events on access.events, in order, once {@code count} have arrived. */
  private List<EventEnvelope> published(String grantId, int count) {
    List<EventEnvelope> events = KafkaRecords.read(Topics.ACCESS, r -> grantId.equals(r.key()), count,
        Duration.ofSeconds(20)).stream().map(r -> codec.read(r.value())).toList();
    assertThat(events).as("events of %s", grantId).hasSize(count);
    return events;
  }

  private String id(ResultActions created) throws Exception {
    return json(created.andExpect(status().isCreated())).get("id").asString();
  }

  private JsonNode json(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  private static String ticket() {
    return "SUP-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String approve(String id) {
    return "/api/support-access/requests/" + id + "/approve";
  }

  private static String deny(String id) {
    return "/api/support-access/requests/" + id + "/deny";
  }

  private static String revoke(String id) {
    return "/api/support-access/grants/" + id + "/revoke";
  }

  private static String grant(String id) {
    return "/api/support-access/grants/" + id;
  }
}
