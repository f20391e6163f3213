package dev.claraop.audit;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.audit.entry.AuditEntry;
import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/** Intake from a real Kafka broker into Mongo, and the API a tenant ADMIN reads it through. */
class AuditIT extends AuditIntegrationTest {

  private static final String PLANTED_IBAN = "GB82WEST12345698765432";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MeterRegistry meters;
  @Autowired org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
  private final EventCodec codec = new EventCodec();

  @Test
  void an_event_becomes_one_entry_however_often_it_is_delivered() throws Exception {
    String tenant = newTenant();
    EventEnvelope event = batchGenerated(tenant, "admin-1");
    for (int i = 0; i < 3; i++) kafka.send(Topics.PAYOUT, event.subjectId(), codec.write(event)).get();

    awaitEntries(tenant, 1);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> duplicatesIgnored() >= 2);
    assertThat(entriesOf(tenant)).hasSize(1);
    AuditEntry entry = entriesOf(tenant).getFirst();
    assertThat(entry.id()).isEqualTo(event.eventId().toString());
    assertThat(entry.actor().kind()).isEqualTo("USER");
    assertThat(entry.actor().id()).isEqualTo("admin-1");
    assertThat(entry.resource().id()).isEqualTo(event.subjectId());
  }

  @Test
  void twenty_events_delivered_twice_and_concurrently_leave_twenty_entries() throws Exception {
    String tenant = newTenant();
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) events.add(batchGenerated(tenant, "admin-" + i));
    for (EventEnvelope event : events) kafka.send(Topics.PAYOUT, event.subjectId(), codec.write(event));
    for (EventEnvelope event : events) kafka.send(Topics.PAYOUT, event.subjectId(), codec.write(event));
    kafka.flush();
    awaitEntries(tenant, 20);
    assertThat(entriesOf(tenant)).extracting(AuditEntry::id)
        .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
  }

  @Test
  void events_published_while_the_consumer_is_stopped_are_all_audited_once_it_is_back() throws Exception {
    String tenant = newTenant();
    var intake = listeners.getListenerContainer("audit-intake");
    intake.stop();
    try {
      for (int i = 0; i < 10; i++) {
        EventEnvelope event = batchGenerated(tenant, "admin-1");
        kafka.send(Topics.PAYOUT, event.subjectId(), codec.write(event)).get();
      }
      assertThat(entriesOf(tenant)).isEmpty();
    } finally {
      intake.start();
    }
    awaitEntries(tenant, 10);
    assertThat(entriesOf(tenant)).hasSize(10);
  }

  @Test
  void a_poison_record_goes_to_the_dead_letter_topic_and_the_next_record_is_still_audited() throws Exception {
    String tenant = newTenant();
    String poisonKey = "poison-" + UUID.randomUUID();
    double before = deadLetters();
    kafka.send(Topics.PAYOUT, poisonKey, "{not json at all").get();
    EventEnvelope after = batchGenerated(tenant, "admin-1");
    kafka.send(Topics.PAYOUT, after.subjectId(), codec.write(after)).get();

    awaitEntries(tenant, 1);
    assertThat(KafkaRecords.read(Topics.deadLetterOf(Topics.PAYOUT), r -> poisonKey.equals(r.key()), 1,
        Duration.ofSeconds(20))).hasSize(1);
    assertThat(deadLetters()).isGreaterThan(before);
  }

  @Test
  void a_field_outside_the_mapping_never_reaches_the_entry() throws Exception {
    String tenant = newTenant();
    EventEnvelope clean = batchGenerated(tenant, "admin-1");
    ObjectNode data = ((ObjectNode) clean.data()).put("iban", PLANTED_IBAN);
    EventEnvelope planted = new EventEnvelope(clean.eventId(), clean.type(), clean.schemaVersion(),
        clean.occurredAt(), tenant, clean.actor(), clean.subjectId(), clean.correlationId(), null, data);
    kafka.send(Topics.PAYOUT, planted.subjectId(), codec.write(planted)).get();
    awaitEntries(tenant, 1);
    String api = http.perform(get("/api/audit/entries").with(tenantUser("admin-1", tenant, Role.ADMIN)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(api).contains(clean.subjectId()).doesNotContain(PLANTED_IBAN);
    assertThat(mongo.getCollection("audit_entries").find().into(new ArrayList<>()).toString())
        .doesNotContain(PLANTED_IBAN);
  }

  @Test
  void only_a_tenant_admin_reads_and_only_their_own_tenant() throws Exception {
    String tenant = newTenant();
    EventEnvelope event = batchGenerated(tenant, "admin-1");
    kafka.send(Topics.PAYOUT, event.subjectId(), codec.write(event)).get();
    awaitEntries(tenant, 1);

    http.perform(get("/api/audit/entries").with(tenantUser("admin-1", tenant, Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].actor.id").value("admin-1"))
        .andExpect(jsonPath("$.nextCursor").isEmpty());
    http.perform(get("/api/audit/entries").with(tenantUser("admin-x", newTenant(), Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(0));
    http.perform(get("/api/audit/entries"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    for (Role role : List.of(Role.MANAGER, Role.CREATOR)) {
      http.perform(get("/api/audit/entries").with(tenantUser("u", tenant, role))).andExpect(status().isForbidden());
    }
    for (Role role : List.of(Role.PLATFORM_ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER)) {
      http.perform(get("/api/audit/entries").with(staff("s", role))).andExpect(status().isForbidden());
    }
  }

  @Test
  void pages_follow_the_cursor_and_a_forged_cursor_is_a_problem() throws Exception {
    String tenant = newTenant();
    for (int i = 0; i < 3; i++) {
      EventEnvelope event = batchGenerated(tenant, "admin-1");
      kafka.send(Topics.PAYOUT, event.subjectId(), codec.write(event)).get();
    }
    awaitEntries(tenant, 3);
    String first = http.perform(get("/api/audit/entries?limit=2").with(tenantUser("a", tenant, Role.ADMIN)))
        .andExpect(jsonPath("$.items.length()").value(2))
        .andReturn().getResponse().getContentAsString();
    String cursor = tools.jackson.databind.json.JsonMapper.builder().build().readTree(first).get("nextCursor").asString();
    http.perform(get("/api/audit/entries?limit=2&cursor=" + cursor).with(tenantUser("a", tenant, Role.ADMIN)))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.nextCursor").isEmpty());
    http.perform(get("/api/audit/entries?cursor=%25%25").with(tenantUser("a", tenant, Role.ADMIN)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(get("/api/audit/entries?limit=0").with(tenantUser("a", tenant, Role.ADMIN)))
        .andExpect(status().isBadRequest());
  }

  @Test
  void staff_acts_show_in_the_access_transparency_view_of_their_tenant_only() throws Exception {
    String tenant = newTenant();
    EventEnvelope byStaff = batchGenerated(tenant, "admin-1", Actor.staff("staff-7", "grant-42"));
    EventEnvelope byUser = batchGenerated(tenant, "admin-1");
    kafka.send(Topics.PAYOUT, byStaff.subjectId(), codec.write(byStaff)).get();
    kafka.send(Topics.PAYOUT, byUser.subjectId(), codec.write(byUser)).get();
    awaitEntries(tenant, 2);

    http.perform(get("/api/audit/access-transparency").with(tenantUser("admin-1", tenant, Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].who").value("staff-7"))
        .andExpect(jsonPath("$.items[0].grantId").value("grant-42"))
        .andExpect(jsonPath("$.items[0].what.id").value(byStaff.subjectId()));
    http.perform(get("/api/audit/access-transparency").with(tenantUser("admin-x", newTenant(), Role.ADMIN)))
        .andExpect(jsonPath("$.items.length()").value(0));
    http.perform(get("/api/audit/access-transparency").with(staff("s", Role.SUPPORT_ENGINEER)))
        .andExpect(status().isForbidden());
  }

  @Test
  void a_staff_read_shows_who_why_which_ticket_what_when_and_who_approved() throws Exception {
    String tenant = newTenant();
    Instant at = Instant.parse("2026-11-23T09:31:00Z");
    EventEnvelope read = codec.envelope(EventTypes.ACCESS_STAFF_READ, UUID.randomUUID(), at, tenant,
        Actor.staff("staff-7", "grant-42"), "grant-42", "req-1", null,
        new dev.claraop.events.access.StaffRead("grant-42", "staff-7", "INCIDENT", "SUP-9", List.of("admin-1"),
            List.of("PAYOUTS_READ"), "GET", "/api/batches/b-1", 200, null, at));
    kafka.send(Topics.ACCESS, read.subjectId(), codec.write(read)).get();
    awaitEntries(tenant, 1);

    http.perform(get("/api/audit/access-transparency").with(tenantUser("admin-1", tenant, Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].who").value("staff-7"))
        .andExpect(jsonPath("$.items[0].grantId").value("grant-42"))
        .andExpect(jsonPath("$.items[0].reason").value("INCIDENT"))
        .andExpect(jsonPath("$.items[0].ticketId").value("SUP-9"))
        .andExpect(jsonPath("$.items[0].approvedBy").value("admin-1"))
        .andExpect(jsonPath("$.items[0].action").value("access.staff-read"))
        .andExpect(jsonPath("$.items[0].what.id").value("/api/batches/b-1"))
        .andExpect(jsonPath("$.items[0].method").value("GET"))
        .andExpect(jsonPath("$.items[0].status").value("200"))
        .andExpect(jsonPath("$.items[0].outcome").value("SUCCEEDED"))
        .andExpect(jsonPath("$.items[0].when").value("2026-11-23T09:31:00Z"));
  }

  @Test
  void entries_can_be_narrowed_by_actor_and_resource() throws Exception {
    String tenant = newTenant();
    EventEnvelope first = batchGenerated(tenant, "admin-1");
    EventEnvelope second = batchGenerated(tenant, "admin-2");
    kafka.send(Topics.PAYOUT, first.subjectId(), codec.write(first)).get();
    kafka.send(Topics.PAYOUT, second.subjectId(), codec.write(second)).get();
    awaitEntries(tenant, 2);
    http.perform(get("/api/audit/entries?actor=admin-2").with(tenantUser("a", tenant, Role.ADMIN)))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].resource.id").value(second.subjectId()));
    http.perform(get("/api/audit/entries?resource=" + first.subjectId() + "&action=payout.batch.generated")
            .with(tenantUser("a", tenant, Role.ADMIN)))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].actor.id").value("admin-1"));
  }

  private EventEnvelope batchGenerated(String tenant, String admin, Actor actor) {
    String batchId = "batch-" + UUID.randomUUID();
    return codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED, UUID.randomUUID(), Instant.now(), tenant,
        actor, batchId, "req-1", null, new BatchGenerated(batchId, "USD", 2, new BigDecimal("10.00"), admin));
  }

  private EventEnvelope batchGenerated(String tenant, String admin) {
    String batchId = "batch-" + UUID.randomUUID();
    return codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED, UUID.randomUUID(), Instant.now(), tenant,
        Actor.user(admin), batchId, "req-1", null,
        new BatchGenerated(batchId, "USD", 2, new BigDecimal("10.00"), admin));
  }

  private void awaitEntries(String tenant, int count) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(tenant).size() >= count);
  }

  private List<AuditEntry> entriesOf(String tenant) {
    return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant)), AuditEntry.class);
  }

  private double deadLetters() {
    return meters.counter("claraop.audit.dead.letters").count();
  }

  private double duplicatesIgnored() {
    return meters.counter("claraop.audit.duplicates.ignored").count();
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
