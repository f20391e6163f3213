package dev.claraop.audit.chain;

import static dev.claraop.test.Callers.serviceAccount;
import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.audit.AuditIntegrationTest;
import dev.claraop.audit.entry.AuditEntry;
import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.platform.security.Role;
import dev.claraop.test.MovableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tamper evidence: the chain and the daily digests find edits, deletions, reordering and rewrites. */
class ChainIT extends AuditIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MovableClock clock;
  @Autowired AuditChain chain;
  @Autowired DaySealing sealing;
  @Autowired DaySegmentRetention retention;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void an_untouched_chain_verifies() throws Exception {
    String tenant = tenantWithEntries(3);
    JsonNode result = verify(tenant);
    assertThat(result.get("ok").asBoolean()).isTrue();
    assertThat(result.get("entriesChecked").asLong()).isEqualTo(3);
    assertThat(result.get("firstBrokenEntryId").isNull()).isTrue();
  }

  @Test
  void an_entry_edited_in_the_database_is_found() throws Exception {
    String tenant = tenantWithEntries(3);
    AuditEntry second = entry(tenant, 2);
    mongo.updateFirst(query(where("_id").is(second.id())), Update.update("details.total", "9999.00"), AuditEntry.class);
    assertBrokenAt(tenant, second.id());
  }

  @Test
  void an_entry_deleted_from_the_middle_is_found() throws Exception {
    String tenant = tenantWithEntries(3);
    mongo.remove(query(where("_id").is(entry(tenant, 2).id())), AuditEntry.class);
    assertBrokenAt(tenant, entry(tenant, 3).id());
  }

  @Test
  void reordered_entries_are_found() throws Exception {
    String tenant = tenantWithEntries(3);
    AuditEntry second = entry(tenant, 2);
    AuditEntry third = entry(tenant, 3);
    mongo.updateFirst(query(where("_id").is(second.id())), Update.update("sequence", -2), AuditEntry.class);
    mongo.updateFirst(query(where("_id").is(third.id())), Update.update("sequence", 2), AuditEntry.class);
    mongo.updateFirst(query(where("_id").is(second.id())), Update.update("sequence", 3), AuditEntry.class);
    assertBrokenAt(tenant, third.id());
  }

  @Test
  void a_cut_off_tail_is_found() throws Exception {
    String tenant = tenantWithEntries(3);
    mongo.remove(query(where("_id").is(entry(tenant, 3).id())), AuditEntry.class);
    JsonNode result = verify(tenant);
    assertThat(result.get("ok").asBoolean()).isFalse();
    assertThat(result.get("reason").asString()).contains("head");
  }

  @Test
  void a_chain_rewritten_and_rehashed_passes_alone_but_not_against_digests_kept_outside() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(Instant.parse("2026-01-10T10:00:00Z"));
    publishAndAwait(tenant, 2, 2);
    clock.set(Instant.parse("2026-01-11T10:00:00Z"));
    publishAndAwait(tenant, 2, 4);
    clock.set(Instant.parse("2026-01-12T00:10:00Z"));
    sealing.sealCompletedDays();
    String digests = http.perform(get("/api/audit/digests").with(admin(tenant))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    JsonNode items = json.readTree(digests).get("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("day").asString()).isEqualTo("2026-01-10");
    assertThat(items.get(0).get("lastSequence").asLong()).isEqualTo(2);
    assertThat(items.get(1).get("previousDigestHash").asString()).isEqualTo(items.get(0).get("hash").asString());
    String held = "{\"digests\":" + items + "}";
    assertThat(verifyAgainst(tenant, held).get("ok").asBoolean()).isTrue();

    // Someone with database access edits entry 2 and re-hashes everything after it, head included.
    AuditEntry previous = null;
    for (long sequence = 1; sequence <= 4; sequence++) {
      AuditEntry e = entry(tenant, sequence);
      Map<String, String> details = sequence == 2 ? Map.of("currency", "USD", "lineCount", "2", "total", "1.00") : e.details();
      AuditEntry forged = new AuditEntry(e.id(), e.chain(), e.sequence(), previous == null ? ChainHash.GENESIS : previous.hash(),
          null, e.tenantId(), e.occurredAt(), e.recordedAt(), e.type(), e.action(), e.resource(), e.actor(), e.outcome(),
          e.purpose(), details, e.correlationId());
      forged = forged.withHash(ChainHash.of(forged));
      mongo.save(forged);
      previous = forged;
    }
    mongo.save(new ChainHead(tenant, 4, previous.hash()));
    assertThat(verify(tenant).get("ok").asBoolean()).isTrue();

    JsonNode againstHeld = verifyAgainst(tenant, held);
    assertThat(againstHeld.get("ok").asBoolean()).isFalse();
    assertThat(againstHeld.get("firstBrokenEntryId").asString()).isEqualTo(entry(tenant, 2).id());
  }

  @Test
  void retention_removes_whole_sealed_days_and_the_rest_still_verifies_from_the_kept_digest() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(Instant.parse("2025-06-01T10:00:00Z"));
    publishAndAwait(tenant, 2, 2);
    clock.set(Instant.parse("2025-06-02T10:00:00Z"));
    publishAndAwait(tenant, 1, 3);
    clock.set(Instant.parse("2025-06-03T00:10:00Z"));
    sealing.sealCompletedDays();
    clock.set(Instant.parse("2025-07-02T12:00:00Z")); // 30 days after 2025-06-02 10:00: only June 1 has expired
    publishAndAwait(tenant, 1, 4);

    retention.removeExpiredDays();

    assertThat(mongo.find(query(where("chain").is(tenant)).with(Sort.by("sequence")), AuditEntry.class))
        .extracting(AuditEntry::sequence).containsExactly(3L, 4L);
    assertThat(mongo.count(query(where("chain").is(tenant)), DailyDigest.class)).isEqualTo(2);
    JsonNode result = verify(tenant);
    assertThat(result.get("ok").asBoolean()).isTrue();
    assertThat(result.get("entriesChecked").asLong()).isEqualTo(2);
  }

  @Test
  void a_day_that_does_not_verify_is_not_sealed() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(Instant.parse("2025-04-01T10:00:00Z"));
    publishAndAwait(tenant, 2, 2);
    mongo.updateFirst(query(where("_id").is(entry(tenant, 2).id())), Update.update("details.total", "1.00"), AuditEntry.class);
    double brokenBefore = meters.counter("claraop.audit.chain.broken.days").count();
    clock.set(Instant.parse("2025-04-02T00:10:00Z"));
    sealing.sealCompletedDays();
    assertThat(mongo.count(query(where("chain").is(tenant)), DailyDigest.class)).isZero();
    assertThat(meters.counter("claraop.audit.chain.broken.days").count()).isGreaterThan(brokenBefore);
  }

  @Test
  void retention_service_removes_expired_days_on_request_and_nobody_else_can() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(Instant.parse("2025-08-01T10:00:00Z"));
    publishAndAwait(tenant, 1, 1);
    clock.set(Instant.parse("2025-08-02T00:10:00Z"));
    sealing.sealCompletedDays();
    clock.set(Instant.parse("2025-09-05T12:00:00Z")); // 30 days kept: the oldest kept day is 2025-08-06

    for (var caller : List.of(admin(tenant), staff("platform-1", Role.PLATFORM_ADMIN),
        serviceAccount("payout-service", "SERVICE_RETENTION"), serviceAccount("retention-service", "ADMIN"))) {
      http.perform(post("/internal/audit/segments/expire").param("before", "2025-08-02").with(caller))
          .andExpect(status().isForbidden());
    }
    http.perform(post("/internal/audit/segments/expire").param("before", "2025-08-07")
            .with(serviceAccount("retention-service", "SERVICE_RETENTION")))
        .andExpect(status().isConflict());
    assertThat(mongo.count(query(where("chain").is(tenant)), AuditEntry.class)).isEqualTo(1);

    http.perform(post("/internal/audit/segments/expire").param("before", "2025-08-06")
            .with(serviceAccount("retention-service", "SERVICE_RETENTION")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.before").value("2025-08-06"))
        .andExpect(jsonPath("$.entriesRemoved").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    assertThat(mongo.count(query(where("chain").is(tenant)), AuditEntry.class)).isZero();
    assertThat(mongo.count(query(where("chain").is(tenant)), DailyDigest.class)).isEqualTo(1);
  }

  @Test
  void unsealed_days_are_never_removed() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(Instant.parse("2025-05-01T10:00:00Z"));
    publishAndAwait(tenant, 1, 1);
    clock.set(Instant.parse("2025-09-01T10:00:00Z"));
    retention.removeExpiredDays();
    assertThat(mongo.count(query(where("chain").is(tenant)), AuditEntry.class)).isEqualTo(1);
  }

  @Test
  void a_forged_digest_is_refused() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(Instant.parse("2026-02-01T10:00:00Z"));
    publishAndAwait(tenant, 1, 1);
    clock.set(Instant.parse("2026-02-02T10:00:00Z"));
    sealing.sealCompletedDays();
    JsonNode digest = json.readTree(http.perform(get("/api/audit/digests").with(admin(tenant)))
        .andReturn().getResponse().getContentAsString()).get("items").get(0);
    String forged = digest.toString().replace(digest.get("lastHash").asString(), "f".repeat(64));
    http.perform(post("/api/audit/verify").with(admin(tenant)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"digests\":[" + forged + "]}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void appends_racing_on_one_chain_still_form_one_unbroken_chain() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> appends = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = UUID.randomUUID().toString();
      appends.add(pool.submit(() -> chain.append(id, tenant, at -> new AuditEntry(id, at.chain(), at.sequence(),
          at.previousHash(), null, tenant, Instant.parse("2026-03-01T00:00:00Z"), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
          "payout.batch.generated", "payout.batch.generated", new AuditEntry.Resource("payout-batch", id),
          new AuditEntry.Actor("USER", "u", null), AuditEntry.Outcome.SUCCEEDED, null, Map.of(), null))));
    }
    for (Future<Boolean> append : appends) assertThat(append.get()).isTrue();
    pool.shutdown();
    List<Long> sequences = mongo.find(query(where("chain").is(tenant)).with(Sort.by("sequence")), AuditEntry.class)
        .stream().map(AuditEntry::sequence).toList();
    assertThat(sequences).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
    assertThat(verify(tenant).get("ok").asBoolean()).isTrue();
  }

  private String tenantWithEntries(int count) {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    publishAndAwait(tenant, count, count);
    return tenant;
  }

  private void publishAndAwait(String tenant, int count, long expectedTotal) {
    for (int i = 0; i < count; i++) {
      String batchId = "batch-" + UUID.randomUUID();
      EventEnvelope event = codec.envelope(EventTypes.PAYOUT_BATCH_GENERATED, UUID.randomUUID(), Instant.now(), tenant,
          Actor.user("admin-1"), batchId, null, null, new BatchGenerated(batchId, "USD", 2, new BigDecimal("10.00"), "admin-1"));
      // One key per tenant here, so that the test's own entries arrive in the order it sent them.
      kafka.send(Topics.PAYOUT, tenant, codec.write(event));
    }
    kafka.flush();
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> mongo.count(query(where("chain").is(tenant)), AuditEntry.class) == expectedTotal);
  }

  private AuditEntry entry(String tenant, long sequence) {
    return mongo.findOne(query(where("chain").is(tenant).and("sequence").is(sequence)), AuditEntry.class);
  }

  private void assertBrokenAt(String tenant, String entryId) throws Exception {
    JsonNode result = verify(tenant);
    assertThat(result.get("ok").asBoolean()).isFalse();
    assertThat(result.get("firstBrokenEntryId").asString()).isEqualTo(entryId);
  }

  private JsonNode verify(String tenant) throws Exception {
    return json.readTree(http.perform(get("/api/audit/verify").with(admin(tenant))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
  }

  private JsonNode verifyAgainst(String tenant, String held) throws Exception {
    return json.readTree(http.perform(post("/api/audit/verify").with(admin(tenant))
            .contentType(MediaType.APPLICATION_JSON).content(held))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor admin(String tenant) {
    return tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  }
}
