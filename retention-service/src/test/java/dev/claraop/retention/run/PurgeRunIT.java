package dev.claraop.retention.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.events.retention.PurgeRunCompleted;
import dev.claraop.platform.security.Role;
import dev.claraop.retention.PayoutStandIn;
import dev.claraop.retention.RetentionIntegrationTest;
import dev.claraop.retention.schedule.DuePurge;
import dev.claraop.retention.schedule.DuePurges;
import dev.claraop.test.Callers;
import dev.claraop.test.KafkaRecords;
import dev.claraop.test.KeycloakFixture;
import dev.claraop.test.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running the purge now: who may, whose batches it touches, what a failure leaves behind, and what is recorded and
 * published. payout-service is a WireMock stand-in; the token retention sends it comes from the real Keycloak.
 */
class PurgeRunIT extends RetentionIntegrationTest {

  private static final Instant NOW = Instant.parse("2027-01-10T10:00:00Z");
  private static final String PLATFORM_ADMIN = "33333333-0000-4000-8000-000000000001";
  private final JsonMapper json = JsonMapper.builder().build();
  private final EventCodec codec = new EventCodec();
  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired DuePurges duePurges;
  @Autowired MovableClock clock;
  @Autowired MeterRegistry meters;

  private String tenantA;
  private String tenantB;

  @BeforeEach
  void pinTimeAndAnswerEveryPurge() {
    clock.set(NOW);
    PayoutStandIn.purgesEverything();
    tenantA = "t-" + UUID.randomUUID().toString().substring(0, 8);
    tenantB = "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void releaseTime() {
    clock.reset();
  }

  @Test
  void a_tenant_admin_purges_their_own_tenants_due_batches_and_nothing_else() throws Exception {
    String a1 = due(tenantA, 40);
    String a2 = due(tenantA, 31);
    String early = due(tenantA, 29); // closed 29 days ago: one more day to go
    String b1 = due(tenantB, 45);

    JsonNode run = runNow(admin(tenantA));

    assertThat(run.get("trigger").asString()).isEqualTo("MANUAL");
    assertThat(run.get("scope").asString()).isEqualTo("tenant:" + tenantA);
    assertThat(run.get("startedAt").asString()).isEqualTo(NOW.toString());
    assertThat(run.get("finishedAt").asString()).isEqualTo(NOW.toString());
    assertThat(ids(run.get("due"))).containsExactly(a1, a2);
    assertThat(ids(run.get("purged"))).containsExactly(a1, a2);
    assertThat(run.get("failed").isEmpty()).isTrue();
    assertThat(PayoutStandIn.purgesOf(a1)).hasSize(1);
    assertThat(PayoutStandIn.purgesOf(a2)).hasSize(1);
    assertThat(PayoutStandIn.purgesOf(early)).isEmpty();
    assertThat(PayoutStandIn.purgesOf(b1)).isEmpty();
    assertThat(stateOf(a1)).isEqualTo(DuePurge.Status.PURGED);
    assertThat(stateOf(early)).isEqualTo(DuePurge.Status.DUE);
    assertThat(stateOf(b1)).isEqualTo(DuePurge.Status.DUE);
  }

  @Test
  void a_platform_admin_purges_every_tenants_due_batches_but_none_not_yet_due() throws Exception {
    String a1 = due(tenantA, 31);
    String b1 = due(tenantB, 60);
    String early = due(tenantB, 1);

    JsonNode run = runNow(platformAdmin());

    assertThat(run.get("scope").asString()).isEqualTo("ALL");
    assertThat(ids(run.get("purged"))).contains(a1, b1).doesNotContain(early);
    assertThat(ids(run.get("due"))).doesNotContain(early);
    assertThat(PayoutStandIn.purgesOf(early)).isEmpty();
    assertThat(stateOf(early)).isEqualTo(DuePurge.Status.DUE);
  }

  @Test
  void every_other_caller_is_refused_and_touches_nothing() throws Exception {
    String a1 = due(tenantA, 31);
    List<RequestPostProcessor> refused = List.of(
        Callers.tenantUser("u-creator", tenantA, Role.CREATOR), Callers.tenantUser("u-manager", tenantA, Role.MANAGER),
        Callers.staff("s-support", Role.SUPPORT_ENGINEER), Callers.staff("s-reviewer", Role.SUPPORT_REVIEWER),
        Callers.staff("s-triage", Role.SECURITY_TRIAGE),
        // Roles that do not fit the tenant claim count for nothing (platform-security): no tenant-less ADMIN,
        // no PLATFORM_ADMIN inside a tenant.
        Callers.staff("u-admin-without-tenant", Role.ADMIN), Callers.tenantUser("s-admin-in-tenant", tenantA, Role.PLATFORM_ADMIN));
    for (RequestPostProcessor caller : refused) {
      http.perform(post("/api/cron/run-payout-purge").with(caller)).andExpect(status().isForbidden());
      http.perform(get("/api/retention/runs").with(caller)).andExpect(status().isForbidden());
    }
    http.perform(post("/api/cron/run-payout-purge")).andExpect(status().isUnauthorized());
    http.perform(get("/api/retention/runs")).andExpect(status().isUnauthorized());

    assertThat(PayoutStandIn.purgesOf(a1)).isEmpty();
    assertThat(stateOf(a1)).isEqualTo(DuePurge.Status.DUE);
  }

  @Test
  void a_batch_payout_service_fails_to_purge_stays_due_and_the_next_run_purges_it() throws Exception {
    String failing = due(tenantA, 35);
    String fine = due(tenantA, 33);
    PayoutStandIn.answers(failing, 500);

    JsonNode first = runNow(admin(tenantA));

    assertThat(ids(first.get("due"))).containsExactly(failing, fine);
    assertThat(ids(first.get("purged"))).containsExactly(fine);
    assertThat(first.get("failed")).hasSize(1);
    assertThat(first.get("failed").get(0).get("batchId").asString()).isEqualTo(failing);
    assertThat(first.get("failed").get(0).get("reason").asString())
        .isEqualTo("payout-service unavailable (HTTP 500); stays due for the next run");
    assertThat(PayoutStandIn.purgesOf(failing)).as("retried once").hasSize(2);
    DuePurge stillDue = duePurges.find(failing).orElseThrow();
    assertThat(stillDue.status()).isEqualTo(DuePurge.Status.DUE);
    assertThat(stillDue.attempts()).isEqualTo(1);
    assertThat(mongoText()).doesNotContain("DE89370400440532013000"); // payout's answer is never copied

    PayoutStandIn.purgesEverything();
    clock.set(NOW.plus(Duration.ofDays(1)));
    JsonNode second = runNow(admin(tenantA));

    assertThat(ids(second.get("due"))).containsExactly(failing);
    assertThat(ids(second.get("purged"))).containsExactly(failing);
    assertThat(stateOf(failing)).isEqualTo(DuePurge.Status.PURGED);
  }

  @Test
  void a_refusal_by_payout_service_is_not_retried_and_leaves_the_batch_due() throws Exception {
    String refused = due(tenantA, 31);
    PayoutStandIn.answers(refused, 409);

    JsonNode run = runNow(admin(tenantA));

    assertThat(run.get("failed").get(0).get("reason").asString())
        .isEqualTo("payout-service refused (409): batch not closed or its retention not over");
    assertThat(PayoutStandIn.purgesOf(refused)).hasSize(1);
    assertThat(stateOf(refused)).isEqualTo(DuePurge.Status.DUE);
  }

  @Test
  void the_purge_call_carries_a_client_credentials_token_of_retention_service_issued_by_keycloak() throws Exception {
    String a1 = due(tenantA, 31);
    String a2 = due(tenantA, 32);
    runNow(admin(tenantA));

    String first = bearer(a1);
    KeycloakFixture.Server keycloak = KeycloakFixture.server();
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
    Jwt token = decoder.decode(first); // signature, issuer and expiry checked against the real Keycloak
    assertThat(token.getClaimAsString("azp")).isEqualTo("retention-service");
    assertThat(token.getClaimAsStringList("roles")).containsExactly("SERVICE_RETENTION");
    assertThat(token.hasClaim("tenant_id")).isFalse();
    assertThat(bearer(a2)).as("the token is kept, not fetched per call").isEqualTo(first);
  }

  @Test
  void each_run_is_published_once_per_tenant_it_touched_with_only_that_tenants_batches() throws Exception {
    String a1 = due(tenantA, 31);
    String b1 = due(tenantB, 31);
    PayoutStandIn.answers(b1, 503);

    String runId = runNow(platformAdmin()).get("id").asString();

    List<EventEnvelope> events = published(runId, 2).stream()
        .filter(e -> tenantA.equals(e.tenantId()) || tenantB.equals(e.tenantId())).toList();
    assertThat(events).extracting(EventEnvelope::tenantId).containsExactlyInAnyOrder(tenantA, tenantB);
    for (EventEnvelope event : events) {
      assertThat(SchemaCheck.violations(EventTypes.RETENTION_PURGE_RUN_COMPLETED, event.data())).isEmpty();
      assertThat(event.actor().id()).isEqualTo(PLATFORM_ADMIN);
      assertThat(event.subjectId()).isEqualTo(runId);
      PurgeRunCompleted data = codec.data(event, EventTypes.RETENTION_PURGE_RUN_COMPLETED);
      assertThat(data.trigger()).isEqualTo("MANUAL");
      assertThat(data.scope()).isEqualTo("ALL");
      if (event.tenantId().equals(tenantA)) {
        assertThat(data.due()).containsExactly(a1);
        assertThat(data.purged()).containsExactly(a1);
        assertThat(data.failed()).isEmpty();
      } else {
        assertThat(data.due()).containsExactly(b1);
        assertThat(data.failed()).containsExactly(new PurgeRunCompleted.Failure(b1,
            "payout-service unavailable (HTTP 503); stays due for the next run"));
      }
    }
  }

  @Test
  void a_run_with_nothing_due_is_recorded_and_published_for_its_scope() throws Exception {
    String early = due(tenantA, 2);

    JsonNode run = runNow(admin(tenantA));

    assertThat(run.get("due").isEmpty()).isTrue();
    assertThat(PayoutStandIn.purgesOf(early)).isEmpty();
    List<EventEnvelope> events = published(run.get("id").asString(), 1);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().tenantId()).isEqualTo(tenantA);
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_PURGE_RUN_COMPLETED, events.getFirst().data())).isEmpty();
  }

  @Test
  void runs_are_listed_newest_first_a_tenant_admin_seeing_only_runs_and_batches_of_their_tenant() throws Exception {
    Instant later = NOW.plus(Duration.ofDays(100)); // after the runs of every other test here: this one's are newest
    clock.set(later);
    String a1 = due(tenantA, 31);
    String b1 = due(tenantB, 31);
    String own = runNow(admin(tenantA)).get("id").asString();
    clock.set(later.plusSeconds(60));
    String b2 = due(tenantB, 31);
    String all = runNow(platformAdmin()).get("id").asString();
    clock.set(later.plusSeconds(120));
    String otherTenantsOwn = runNow(admin(tenantB)).get("id").asString();

    JsonNode seenByA = list(admin(tenantA), "");
    assertThat(ids(seenByA.get("items"), "id")).containsExactly(own); // the platform run purged nothing of A's
    JsonNode seenByB = list(admin(tenantB), "");
    assertThat(ids(seenByB.get("items"), "id")).containsExactly(otherTenantsOwn, all);
    JsonNode allAsSeenByB = seenByB.get("items").get(1);
    assertThat(ids(allAsSeenByB.get("due"))).containsExactlyInAnyOrder(b1, b2).doesNotContain(a1);

    JsonNode page1 = list(platformAdmin(), "?limit=2");
    assertThat(ids(page1.get("items"), "id")).containsExactly(otherTenantsOwn, all);
    JsonNode page2 = list(platformAdmin(), "?limit=2&cursor=" + page1.get("nextCursor").asString());
    assertThat(ids(page2.get("items"), "id")).startsWith(own);
    JsonNode fields = page1.get("items").get(1);
    assertThat(fields.propertyNames()).contains("id", "trigger", "scope", "startedAt", "finishedAt", "due", "purged", "failed");
  }

  @Test
  void runs_are_counted_by_outcome_and_the_last_success_of_a_platform_wide_run_is_a_gauge() throws Exception {
    double succeeded = meters.counter("claraop.retention.purge.runs", "outcome", "succeeded").count();
    double failedRuns = meters.counter("claraop.retention.purge.runs", "outcome", "failed").count();
    double purged = meters.counter("claraop.retention.batches.purged").count();
    double failures = meters.counter("claraop.retention.purge.failures").count();
    String failing = due(tenantA, 31);
    due(tenantA, 32);
    PayoutStandIn.answers(failing, 500);
    runNow(admin(tenantA));
    PayoutStandIn.purgesEverything();
    clock.set(NOW.plusSeconds(3600));
    runNow(platformAdmin());

    assertThat(meters.counter("claraop.retention.purge.runs", "outcome", "failed").count()).isEqualTo(failedRuns + 1);
    assertThat(meters.counter("claraop.retention.purge.runs", "outcome", "succeeded").count()).isEqualTo(succeeded + 1);
    assertThat(meters.counter("claraop.retention.batches.purged").count()).isGreaterThanOrEqualTo(purged + 2);
    assertThat(meters.counter("claraop.retention.purge.failures").count()).isEqualTo(failures + 1);
    assertThat(meters.get("claraop.retention.purge.last.success.timestamp").gauge().value())
        .isGreaterThanOrEqualTo(NOW.plusSeconds(3600).getEpochSecond());
  }

  private String due(String tenant, int daysAgo) {
    String batch = "b-" + UUID.randomUUID();
    mongo.insert(new DuePurge(batch, tenant, NOW.minus(Duration.ofDays(daysAgo)), DuePurge.Status.DUE,
        UUID.randomUUID().toString(), NOW.minus(Duration.ofDays(daysAgo)), 0, null, null));
    return batch;
  }

  private DuePurge.Status stateOf(String batch) {
    return duePurges.find(batch).orElseThrow().status();
  }

  private JsonNode runNow(RequestPostProcessor caller) throws Exception {
    return call(post("/api/cron/run-payout-purge").with(caller));
  }

  private JsonNode list(RequestPostProcessor caller, String query) throws Exception {
    return call(get("/api/retention/runs" + query).with(caller));
  }

  private JsonNode call(MockHttpServletRequestBuilder request) throws Exception {
    String body = http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }

  private RequestPostProcessor admin(String tenant) {
    return Callers.tenantUser("admin-of-" + tenant, tenant, Role.ADMIN);
  }

  private static RequestPostProcessor platformAdmin() {
    return Callers.staff(PLATFORM_ADMIN, Role.PLATFORM_ADMIN);
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asString()));
    return ids;
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get(field).asString()));
    return ids;
  }

  private static String bearer(String batch) {
    String header = PayoutStandIn.purgesOf(batch).getFirst().getHeader("Authorization");
    assertThat(header).startsWith("Bearer ");
    return header.substring("Bearer ".length());
  }

  private List<EventEnvelope> published(String runId, int enough) {
    return KafkaRecords.read(Topics.RETENTION, r -> r.key().equals(runId), enough, Duration.ofSeconds(20)).stream()
        .map(r -> codec.read(r.value())).toList();
  }

  private String mongoText() {
    StringBuilder all = new StringBuilder();
    for (String collection : mongo.getCollectionNames()) {
      mongo.getCollection(collection).find().forEach(d -> all.append(d.toJson()));
    }
    return all.toString();
  }
}
