package dev.claraop.retention.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.events.identity.AccountDeleted;
import dev.claraop.events.identity.AccountDeletionRequested;
import dev.claraop.events.identity.AccountReactivated;
import dev.claraop.platform.security.Role;
import dev.claraop.retention.RetentionIntegrationTest;
import dev.claraop.retention.erasure.Erasure.Confirmation;
import dev.claraop.retention.erasure.Erasure.Status;
import dev.claraop.test.Callers;
import dev.claraop.test.KafkaRecords;
import dev.claraop.test.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account erasure end to end inside retention-service: identity's account events and the services' confirmations
 * arrive on Kafka as their producers publish them, the job runs on a pinned clock, and what retention asks for is read
 * back from {@code retention.events}.
 */
class ErasureIT extends RetentionIntegrationTest {

  private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
  private static final Duration GRACE = Duration.ofDays(30);
  private static final Duration TIMEOUT = Duration.ofHours(1); // claraop.retention.erasure.confirm-timeout default
  private static final String PLATFORM_ADMIN = "33333333-0000-4000-8000-000000000009";
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MongoTemplate mongo;
  @Autowired Erasures erasures;
  @Autowired AdvanceErasures job;
  @Autowired MovableClock clock;
  @Autowired MockMvc http;
  @Autowired MeterRegistry meters;

  private String tenant;
  private String user;

  @BeforeEach
  void pinTime() {
    clock.set(NOW);
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    user = UUID.randomUUID().toString();
  }

  @AfterEach
  void releaseTime() {
    clock.reset();
  }

  @Test
  void when_the_grace_ends_every_service_is_asked_the_silent_one_again_and_identity_told_once_all_confirmed() throws Exception {
    Instant graceEnds = NOW.plus(GRACE);
    EventEnvelope request = deletionRequested(user, graceEnds);
    send(request);
    Erasure scheduled = awaitErasureOf(user, e -> true);
    assertThat(scheduled.status()).isEqualTo(Status.SCHEDULED);
    assertThat(scheduled.tenantId()).isEqualTo(tenant);
    assertThat(scheduled.requestedAt()).isEqualTo(NOW);
    assertThat(scheduled.graceEndsAt()).isEqualTo(graceEnds);
    String erasureId = scheduled.erasureId();

    clock.set(graceEnds.minusSeconds(1));
    job.advance();
    assertThat(stored(erasureId).status()).as("a second before the grace ends").isEqualTo(Status.SCHEDULED);

    clock.set(graceEnds);
    job.advance();
    Erasure erasing = stored(erasureId);
    assertThat(erasing.status()).isEqualTo(Status.ERASING);
    assertThat(erasing.attempts()).isEqualTo(1);
    assertThat(erasing.askedAt()).isEqualTo(graceEnds);
    EventEnvelope first = retentionEventsOf(user, 1).getFirst();
    assertThat(first.type()).isEqualTo(EventTypes.RETENTION_ERASURE_REQUESTED.name());
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_ERASURE_REQUESTED, first.data())).isEmpty();
    assertThat(first.tenantId()).isEqualTo(tenant);
    assertThat(first.subjectId()).isEqualTo(user);
    assertThat(first.actor()).isEqualTo(Actor.system("retention-service"));
    assertThat(first.correlationId()).isEqualTo(erasureId);
    assertThat(first.causationId()).isEqualTo(request.eventId().toString());
    assertThat(codec.data(first, EventTypes.RETENTION_ERASURE_REQUESTED))
        .isEqualTo(new ErasureRequested(erasureId, user, 1, ErasureServices.ALL));

    confirm("identity", first, Map.of("memberships", 1));
    confirm("payout", first, Map.of("invoices", 3, "profiles", 1));
    confirm("ingest", first, Map.of("mailboxes", 1));
    awaitErasureOf(user, e -> e.services().size() == 3);

    clock.set(graceEnds.plus(TIMEOUT).minusSeconds(1));
    job.advance();
    assertThat(stored(erasureId).attempts()).as("not yet a whole timeout").isEqualTo(1);

    clock.set(graceEnds.plus(TIMEOUT));
    job.advance();
    List<EventEnvelope> events = retentionEventsOf(user, 2);
    assertThat(events).hasSize(2);
    EventEnvelope second = events.get(1);
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_ERASURE_REQUESTED, second.data())).isEmpty();
    assertThat(codec.data(second, EventTypes.RETENTION_ERASURE_REQUESTED))
        .isEqualTo(new ErasureRequested(erasureId, user, 2, List.of("access")));
    assertThat(stored(erasureId).askedAt()).isEqualTo(graceEnds.plus(TIMEOUT));

    clock.set(graceEnds.plus(TIMEOUT).plusSeconds(30));
    confirm("access", second, Map.of("grants", 0));
    awaitErasureOf(user, e -> e.services().size() == 4);
    job.advance();
    assertThat(stored(erasureId).status()).isEqualTo(Status.CONFIRMED);
    events = retentionEventsOf(user, 3);
    assertThat(events).hasSize(3);
    EventEnvelope confirmed = events.get(2);
    assertThat(confirmed.type()).isEqualTo(EventTypes.RETENTION_ERASURE_CONFIRMED.name());
    assertThat(SchemaCheck.violations(EventTypes.RETENTION_ERASURE_CONFIRMED, confirmed.data())).isEmpty();
    assertThat(confirmed.tenantId()).isEqualTo(tenant);
    assertThat(codec.data(confirmed, EventTypes.RETENTION_ERASURE_CONFIRMED))
        .isEqualTo(new ErasureConfirmed(erasureId, user, 1, ErasureServices.ALL));

    Instant deletedAt = graceEnds.plus(TIMEOUT).plusSeconds(40);
    clock.set(deletedAt);
    send(envelope(EventTypes.IDENTITY_ACCOUNT_DELETED, user, Actor.system("identity-service"),
        new AccountDeleted(user, erasureId)));
    Erasure erased = awaitErasureOf(user, e -> e.status() == Status.ERASED);
    assertThat(erased.erasedAt()).isEqualTo(deletedAt);

    clock.set(deletedAt.plus(Duration.ofDays(2)));
    job.advance();
    Erasure after = stored(erasureId);
    assertThat(after.status()).isEqualTo(Status.ERASED);
    assertThat(after.confirmAttempts()).as("nothing more to say once the account is deleted").isEqualTo(1);
    assertThat(after.outbox()).isEmpty();

    JsonNode item = erasureItem(list(platformAdmin(), "?status=ERASED"), erasureId);
    assertThat(item.get("tenantId").asString()).isEqualTo(tenant);
    assertThat(item.get("userId").asString()).isEqualTo(user);
    assertThat(item.get("status").asString()).isEqualTo("ERASED");
    assertThat(item.get("requestedAt").asString()).isEqualTo(NOW.toString());
    assertThat(item.get("graceEndsAt").asString()).isEqualTo(graceEnds.toString());
    assertThat(item.get("attempts").asInt()).isEqualTo(2);
    assertThat(item.get("erasedAt").asString()).isEqualTo(deletedAt.toString());
    assertThat(item.get("services").propertyNames()).containsExactly("identity", "payout", "ingest", "access");
    assertThat(item.get("services").get("payout").get("removed").get("invoices").asInt()).isEqualTo(3);
    assertThat(item.get("services").get("access").get("confirmedAt").asString())
        .isEqualTo(graceEnds.plus(TIMEOUT).plusSeconds(30).toString());
  }

  @Test
  void identity_is_told_again_that_all_confirmed_until_it_deletes_the_account() {
    Erasure erasing = stored(erasingSince(NOW, ErasureServices.ALL));
    job.advance();
    assertThat(stored(erasing.erasureId()).status()).isEqualTo(Status.CONFIRMED);

    clock.set(NOW.plus(TIMEOUT).minusSeconds(1));
    job.advance();
    assertThat(stored(erasing.erasureId()).confirmAttempts()).isEqualTo(1);
    clock.set(NOW.plus(TIMEOUT));
    job.advance();

    List<EventEnvelope> events = retentionEventsOf(user, 2);
    assertThat(events).hasSize(2);
    assertThat(events).extracting(e -> codec.data(e, EventTypes.RETENTION_ERASURE_CONFIRMED).attempt())
        .containsExactly(1, 2);
    assertThat(stored(erasing.erasureId()).status()).isEqualTo(Status.CONFIRMED);
  }

  @Test
  void a_reactivation_within_the_grace_cancels_the_erasure_and_nothing_is_ever_requested() {
    Instant graceEnds = NOW.plus(GRACE);
    send(deletionRequested(user, graceEnds));
    Erasure scheduled = awaitErasureOf(user, e -> true);
    clock.set(NOW.plus(Duration.ofDays(3)));
    send(envelope(EventTypes.IDENTITY_ACCOUNT_REACTIVATED, user, Actor.user(user), new AccountReactivated(user)));
    Erasure cancelled = awaitErasureOf(user, e -> e.status() == Status.CANCELLED);
    assertThat(cancelled.cancelledAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));

    // Another account whose grace ends at the same moment: the job's round, seen on Kafka, is over for both.
    String other = UUID.randomUUID().toString();
    clock.set(NOW);
    send(deletionRequested(other, graceEnds));
    awaitErasureOf(other, e -> true);
    clock.set(graceEnds.plus(Duration.ofDays(1)));
    job.advance();
    assertThat(retentionEventsOf(other, 1)).hasSize(1);

    Erasure after = stored(scheduled.erasureId());
    assertThat(after.status()).isEqualTo(Status.CANCELLED);
    assertThat(after.attempts()).isZero();
    assertThat(after.outbox()).isEmpty();
    assertThat(KafkaRecords.read(Topics.RETENTION, r -> r.key().equals(user), 1, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void a_redelivered_request_changes_nothing_a_new_one_after_a_cancellation_opens_a_new_schedule() {
    EventEnvelope firstRequest = deletionRequested(user, NOW.plus(GRACE));
    send(firstRequest);
    awaitErasureOf(user, e -> true);
    clock.set(NOW.plus(Duration.ofDays(1)));
    EventEnvelope reactivation = envelope(EventTypes.IDENTITY_ACCOUNT_REACTIVATED, user, Actor.user(user),
        new AccountReactivated(user));
    send(reactivation);
    awaitErasureOf(user, e -> e.status() == Status.CANCELLED);

    clock.set(NOW.plus(Duration.ofDays(2)));
    EventEnvelope secondRequest = deletionRequested(user, NOW.plus(Duration.ofDays(2)).plus(GRACE));
    send(secondRequest);
    send(secondRequest);
    send(firstRequest); // the whole history again, as a consumer reading from the start sees it
    send(reactivation);
    String marker = UUID.randomUUID().toString(); // same key: read after everything above
    kafka.send(Topics.IDENTITY, user, codec.write(deletionRequested(marker, NOW.plus(GRACE)))).join();
    awaitErasureOf(marker, e -> true);

    List<Erasure> all = erasuresOf(user);
    assertThat(all).hasSize(2);
    Erasure first = all.stream().filter(e -> e.erasureId().equals(Erasure.idOf(firstRequest.eventId().toString())))
        .findFirst().orElseThrow();
    Erasure second = all.stream().filter(e -> e.erasureId().equals(Erasure.idOf(secondRequest.eventId().toString())))
        .findFirst().orElseThrow();
    assertThat(first.status()).isEqualTo(Status.CANCELLED);
    assertThat(second.status()).as("an old reactivation replayed does not cancel a later request")
        .isEqualTo(Status.SCHEDULED);
    assertThat(second.graceEndsAt()).isEqualTo(NOW.plus(Duration.ofDays(2)).plus(GRACE));
  }

  @Test
  void a_step_is_taken_once_even_when_two_instances_read_the_erasure_at_the_same_time() {
    Erasure seen = stored(erasingSince(NOW.minus(TIMEOUT), List.of("identity", "payout")));
    Update firstInstance = new Update().set("askedAt", NOW).inc("attempts", 1);
    Update secondInstance = new Update().set("askedAt", NOW).inc("attempts", 1);

    assertThat(erasures.advance(seen, null, firstInstance)).isPresent();
    assertThat(erasures.advance(seen, null, secondInstance)).isEmpty();
    assertThat(stored(seen.erasureId()).attempts()).isEqualTo(seen.attempts() + 1);
  }

  @Test
  void a_late_or_repeated_confirmation_keeps_the_first_answer() {
    Erasure erasing = stored(erasingSince(NOW, List.of()));
    EventEnvelope request = envelope(EventTypes.RETENTION_ERASURE_REQUESTED, user, Actor.system("retention-service"),
        new ErasureRequested(erasing.erasureId(), user, 1, ErasureServices.ALL));
    confirm("payout", request, Map.of("invoices", 2));
    awaitErasureOf(user, e -> e.services().containsKey("payout"));
    clock.set(NOW.plusSeconds(60));
    confirm("payout", request, Map.of("invoices", 0)); // asked again, erased nothing more
    // payout's answer to another erasure of the same user: same topic and key, so read after the repeat
    Erasure marker = stored(erasingSince(NOW, List.of()));
    confirm("payout", envelope(EventTypes.RETENTION_ERASURE_REQUESTED, user, Actor.system("retention-service"),
        new ErasureRequested(marker.erasureId(), user, 1, ErasureServices.ALL)), Map.of("invoices", 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> stored(marker.erasureId()).services().containsKey("payout"));

    Confirmation payout = stored(erasing.erasureId()).services().get("payout");
    assertThat(payout.removed()).isEqualTo(Map.of("invoices", 2));
    assertThat(payout.confirmedAt()).isEqualTo(NOW);
  }

  @Test
  void unreadable_account_events_and_invalid_confirmations_go_to_the_dead_letter_topics_and_the_consumers_move_on() {
    String tenantless = UUID.randomUUID().toString();
    kafka.send(Topics.IDENTITY, user, codec.write(codec.envelope(EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED,
        UUID.randomUUID(), NOW, null, Actor.user(tenantless), tenantless, "req-9", null,
        new AccountDeletionRequested(tenantless, NOW.plus(GRACE))))).join();
    String after = UUID.randomUUID().toString();
    kafka.send(Topics.IDENTITY, user, codec.write(deletionRequested(after, NOW.plus(GRACE)))).join();
    awaitErasureOf(after, e -> true);
    assertThat(erasuresOf(tenantless)).isEmpty();

    Erasure erasing = stored(erasingSince(NOW, List.of()));
    EventEnvelope badCounts = envelope(EventTypes.PAYOUT_USER_DATA_ERASED, user, Actor.system("payout-service"),
        new UserDataErased(erasing.erasureId(), user, "payout", Map.of("$where", 1)));
    send(badCounts);
    EventEnvelope request = envelope(EventTypes.RETENTION_ERASURE_REQUESTED, user, Actor.system("retention-service"),
        new ErasureRequested(erasing.erasureId(), user, 1, ErasureServices.ALL));
    confirm("payout", request, Map.of("invoices", 1));
    awaitErasureOf(user, e -> e.services().containsKey("payout"));

    assertThat(KafkaRecords.read(Topics.deadLetterOf(Topics.IDENTITY), r -> r.value().contains(tenantless), 1,
        Duration.ofSeconds(20))).singleElement().satisfies(r -> assertThat(deadLetteredBy(r)).isEqualTo("retention-erasures"));
    assertThat(KafkaRecords.read(Topics.deadLetterOf(Topics.PAYOUT),
        r -> r.value().contains(badCounts.eventId().toString()), 1, Duration.ofSeconds(20))).singleElement()
        .satisfies(r -> assertThat(deadLetteredBy(r)).isEqualTo("retention-erasure-confirmations"));
  }

  @Test
  void erasures_are_listed_newest_first_by_state_for_platform_admins_only() throws Exception {
    Instant later = NOW.plus(Duration.ofDays(500)); // requested after every other test's erasures: newest here
    Erasure older = scheduledAt(later, user);
    Erasure newer = scheduledAt(later.plusSeconds(60), UUID.randomUUID().toString());
    Erasure cancelled = mongo.insert(cancelled(later.plusSeconds(120)));

    JsonNode page = list(platformAdmin(), "?status=SCHEDULED&limit=1");
    assertThat(ids(page)).containsExactly(newer.erasureId());
    JsonNode next = list(platformAdmin(), "?status=SCHEDULED&limit=1&cursor=" + page.get("nextCursor").asString());
    assertThat(ids(next)).containsExactly(older.erasureId());
    assertThat(ids(list(platformAdmin(), "?limit=3"))).containsExactly(cancelled.erasureId(), newer.erasureId(),
        older.erasureId());
    JsonNode fields = list(platformAdmin(), "?limit=1").get("items").get(0);
    assertThat(fields.propertyNames()).contains("erasureId", "tenantId", "userId", "status", "requestedAt",
        "graceEndsAt", "askedAt", "attempts", "services", "erasedAt");

    http.perform(get("/api/retention/erasures?status=GONE").with(platformAdmin()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.errors[0].field").value("status"));

    List<RequestPostProcessor> refused = List.of(
        Callers.tenantUser("u-admin", tenant, Role.ADMIN), Callers.tenantUser("u-manager", tenant, Role.MANAGER),
        Callers.tenantUser("u-creator", tenant, Role.CREATOR), Callers.staff("s-support", Role.SUPPORT_ENGINEER),
        Callers.staff("s-reviewer", Role.SUPPORT_REVIEWER), Callers.staff("s-triage", Role.SECURITY_TRIAGE),
        Callers.staff("u-admin-without-tenant", Role.ADMIN),
        Callers.tenantUser("s-platform-admin-in-tenant", tenant, Role.PLATFORM_ADMIN));
    for (RequestPostProcessor caller : refused) {
      http.perform(get("/api/retention/erasures").with(caller)).andExpect(status().isForbidden());
    }
    http.perform(get("/api/retention/erasures")).andExpect(status().isUnauthorized());
  }

  @Test
  void erasures_are_gauged_by_state_and_those_waiting_past_the_timeout_as_overdue() {
    double scheduledBefore = gauge("claraop.retention.erasures", "SCHEDULED");
    double erasingBefore = gauge("claraop.retention.erasures", "ERASING");
    double overdueBefore = meters.get("claraop.retention.erasures.overdue").gauge().value();

    scheduledAt(NOW, user);
    stored(erasingSince(NOW.minus(TIMEOUT).minusSeconds(1), List.of("identity"))); // overdue
    stored(erasingSince(NOW.minus(TIMEOUT).plusSeconds(1), List.of())); // not yet

    assertThat(gauge("claraop.retention.erasures", "SCHEDULED")).isEqualTo(scheduledBefore + 1);
    assertThat(gauge("claraop.retention.erasures", "ERASING")).isEqualTo(erasingBefore + 2);
    assertThat(meters.get("claraop.retention.erasures.overdue").gauge().value()).isEqualTo(overdueBefore + 1);
  }

  // --- identity and the services, as they publish

  private EventEnvelope deletionRequested(String userId, Instant graceEndsAt) {
    return envelope(EventTypes.IDENTITY_ACCOUNT_DELETION_REQUESTED, userId, Actor.user(userId),
        new AccountDeletionRequested(userId, graceEndsAt));
  }

  /** {@code <service>.user-data.erased} answering {@code request}, as DESIGN §6.6's protocol has each service do. */
  private void confirm(String service, EventEnvelope request, Map<String, Integer> removed) {
    ErasureRequested asked = codec.data(request, EventTypes.RETENTION_ERASURE_REQUESTED);
    EventType<UserDataErased> type = EventTypes.USER_DATA_ERASED.get(service);
    send(codec.envelope(type, UUID.randomUUID(), clock.instant(), request.tenantId(),
        Actor.system(service + "-service"), asked.userId(), request.correlationId(), request.eventId().toString(),
        new UserDataErased(asked.erasureId(), asked.userId(), service, removed)));
  }

  private <T extends Record> EventEnvelope envelope(EventType<T> type, String subject, Actor actor, T data) {
    return codec.envelope(type, UUID.randomUUID(), clock.instant(), tenant, actor, subject, "req-" + subject, null, data);
  }

  private void send(EventEnvelope event) {
    kafka.send(EventTypes.byName(event.type()).orElseThrow().topic(), event.subjectId(), codec.write(event)).join();
  }

  // --- state

  private String erasingSince(Instant askedAt, List<String> confirmed) {
    Map<String, Confirmation> services = new HashMap<>();
    confirmed.forEach(s -> services.put(s, new Confirmation(askedAt, Map.of("things", 1))));
    Erasure erasure = new Erasure(Erasure.idOf(UUID.randomUUID().toString()), tenant, user, Status.ERASING,
        UUID.randomUUID().toString(), askedAt.minus(GRACE), askedAt, askedAt, askedAt, 1, 0, services, null, null,
        null, List.of());
    return mongo.insert(erasure).erasureId();
  }

  private Erasure scheduledAt(Instant requestedAt, String userId) {
    return mongo.insert(Erasure.scheduled(UUID.randomUUID().toString(), tenant, userId, requestedAt,
        requestedAt.plus(GRACE)));
  }

  private Erasure cancelled(Instant requestedAt) {
    return new Erasure(Erasure.idOf(UUID.randomUUID().toString()), tenant, UUID.randomUUID().toString(),
        Status.CANCELLED, UUID.randomUUID().toString(), requestedAt, requestedAt.plus(GRACE), null, null, 0, 0, Map.of(),
        UUID.randomUUID().toString(), requestedAt.plusSeconds(5), null, List.of());
  }

  private Erasure stored(String erasureId) {
    return erasures.find(erasureId).orElseThrow();
  }

  private List<Erasure> erasuresOf(String userId) {
    return mongo.find(query(where("userId").is(userId)), Erasure.class);
  }

  private Erasure awaitErasureOf(String userId, Predicate<Erasure> wanted) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> erasuresOf(userId).stream().filter(wanted).findFirst().orElse(null), e -> e != null);
  }

  private List<EventEnvelope> retentionEventsOf(String userId, int enough) {
    return KafkaRecords.read(Topics.RETENTION, r -> r.key().equals(userId), enough, Duration.ofSeconds(20)).stream()
        .map(r -> codec.read(r.value())).toList();
  }

  private static String deadLetteredBy(ConsumerRecord<String, String> record) {
    Header group = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
    return group == null ? null : new String(group.value(), StandardCharsets.UTF_8);
  }

  private double gauge(String name, String status) {
    return meters.get(name).tag("status", status).gauge().value();
  }

  // --- the API

  private JsonNode list(RequestPostProcessor caller, String query) throws Exception {
    String body = http.perform(get("/api/retention/erasures" + query).with(caller)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }

  private JsonNode erasureItem(JsonNode page, String erasureId) {
    for (JsonNode item : page.get("items")) {
      if (item.get("erasureId").asString().equals(erasureId)) return item;
    }
    throw new AssertionError("erasure " + erasureId + " not listed");
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("erasureId").asString()));
    return ids;
  }

  private static RequestPostProcessor platformAdmin() {
    return Callers.staff(PLATFORM_ADMIN, Role.PLATFORM_ADMIN);
  }
}
