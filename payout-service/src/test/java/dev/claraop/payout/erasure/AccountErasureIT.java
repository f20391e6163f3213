package dev.claraop.payout.erasure;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.events.erasure.UserDataErased;
import dev.claraop.payout.IdentityAnnouncements;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.payout.batch.BatchLine;
import dev.claraop.payout.batch.CreatorNames;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceAggregate;
import dev.claraop.payout.invoice.InvoiceAggregates;
import dev.claraop.payout.invoice.InvoiceStatus;
import dev.claraop.payout.invoice.ProofOfDelivery;
import dev.claraop.payout.profile.PayoutProfiles;
import dev.claraop.payout.tenancy.PodScope;
import dev.claraop.payout.tenancy.TenantMembers;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.FieldValue;
import dev.claraop.platform.security.Role;
import dev.claraop.test.ErasureProtocol;
import dev.claraop.test.KafkaRecords;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account erasure (DESIGN §6.6) through the real consumer: retention-service's {@code retention.erasure.requested}
 * goes to {@code retention.events}, payout-service erases the user's profile, invoices, campaigns, membership and
 * batch-line names, keeps the invoices only as aggregates, and confirms on {@code payout.events}.
 */
class AccountErasureIT extends PayoutIntegrationTest {

  private static final String NAME = "Erin Erasable";
  private static final String EMAIL = "erin.erasable@planted.example";
  private static final String ACCOUNT = "000987654321777";
  private static final String ADMIN = "admin-gen";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired DataKeys dataKeys;
  @Autowired InvoiceAggregates invoiceAggregates;
  @Autowired TenantMembers members;
  @Autowired PodScope pods;
  @Autowired ApplicationContext context;
  @Autowired EventProcessingConfiguration processing;
  @Autowired CreatorNames creatorNames;
  private final ErasureProtocol erasure = new ErasureProtocol(ErasureServices.PAYOUT);
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();
  private String tenant;
  private String user;
  private String other;
  private String manager;
  private String managed;

  @BeforeEach
  void aTenantWithTwoCreators() {
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    user = "u-" + UUID.randomUUID();
    other = "creator-" + UUID.randomUUID();
    manager = "manager-" + UUID.randomUUID();
    managed = "creator-" + UUID.randomUUID();
    IdentityAnnouncements identity = IdentityAnnouncements.from(context);
    identity.creator(tenant, user);
    identity.creator(tenant, other);
    identity.creator(tenant, managed);
    identity.pod(tenant, "pod-e", manager, List.of(user, other));
    // The user also manages a pod (identity announces no pod left without a manager: payout unsets it itself).
    identity.pod(tenant, "pod-m", user, List.of(managed));
  }

  @Test
  void the_users_payout_data_is_erased_their_invoices_are_kept_as_aggregates_and_payout_confirms() throws Exception {
    PayoutFixtures.profileSetByCreator(http, tenant, user, "{\"accountHolder\":\"" + NAME + "\",\"country\":\"US\","
        + "\"currency\":\"USD\",\"accountNumber\":\"" + ACCOUNT + "\",\"routingCode\":\"021000021\"}");
    PayoutFixtures.profileSetByCreator(http, tenant, other, PayoutFixtures.ukProfile("Olga Other"));
    String sealed = profile(user).getString("sealedDetails");
    String usersCampaign = campaignMadeBy(user);
    String othersCampaign = campaignMadeBy(manager);
    String october = invoice(user, NAME, "2026-10-05T09:00:00Z", "100.00", "USD", InvoiceStatus.APPROVED);
    String november = invoice(user, NAME, "2026-11-12T09:00:00Z", "250.50", "USD", InvoiceStatus.SUBMITTED);
    String novemberEuro = invoice(user, NAME, "2026-11-30T23:59:00Z", "40.00", "EUR", InvoiceStatus.REJECTED);
    String othersInvoice = invoice(other, "Olga Other", "2026-10-07T09:00:00Z", "70.00", "USD", InvoiceStatus.APPROVED);
    String batch = batchPayingTheApprovedInvoices();
    // The event store holds the lines' names only sealed under each creator's key.
    String storedBatch = storedEvents(batch);
    assertThat(storedBatch).contains("sealedCreatorName").doesNotContain(NAME).doesNotContain("Olga Other");

    EventEnvelope first = request(user, 1, ErasureServices.ALL);
    erasure.publish(first);
    EventEnvelope confirmed = confirmationsOf(erasureIdOf(first), 1).getFirst();

    // The confirmation, written after the deletions: counts by kind, ids only, caused by the request.
    assertThat(confirmed.type()).isEqualTo("payout.user-data.erased");
    assertThat(confirmed.tenantId()).isEqualTo(tenant);
    assertThat(confirmed.actor()).isEqualTo(Actor.system("payout-service"));
    assertThat(confirmed.subjectId()).isEqualTo(user);
    assertThat(confirmed.causationId()).isEqualTo(first.eventId().toString());
    assertThat(confirmed.correlationId()).isEqualTo(first.correlationId());
    UserDataErased erased = erasure.erased(confirmed);
    assertThat(erased.userId()).isEqualTo(user);
    assertThat(erased.service()).isEqualTo("payout");
    assertThat(erased.removed()).isEqualTo(
        Map.of("profiles", 1, "invoices", 3, "campaigns", 1, "lines", 1, "memberships", 1));

    // Profile: its view gone and its data key shredded, so the sealed details no longer open.
    assertThat(profile(user)).isNull();
    assertThat(dataKeys.decrypt(PayoutProfiles.subjectOf(tenant, user), Ciphertext.parse(sealed)))
        .isInstanceOf(FieldValue.Shredded.class);
    assertThat(http.perform(get("/api/payout-profiles/" + user).with(tenantUser(user, tenant, Role.CREATOR)))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
    // Invoices (with their proofs) gone; the other creator's stays.
    assertThat(mongo.find(query(where("tenantId").is(tenant).and("creatorId").is(user)), Invoice.class)).isEmpty();
    assertThat(List.of(october, november, novemberEuro)).allMatch(id -> mongo.findById(id, Invoice.class) == null);
    assertThat(mongo.findById(othersInvoice, Invoice.class)).isNotNull();
    // Aggregates: one per month and currency, counted once, naming nothing.
    List<InvoiceAggregate> aggregates = aggregates();
    assertThat(aggregates).extracting(InvoiceAggregate::id, InvoiceAggregate::month, InvoiceAggregate::currency,
            InvoiceAggregate::count, InvoiceAggregate::total)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(tenant + "|2026-10|USD", "2026-10", "USD", 1, new BigDecimal("100.00")),
            org.assertj.core.groups.Tuple.tuple(tenant + "|2026-11|USD", "2026-11", "USD", 1, new BigDecimal("250.50")),
            org.assertj.core.groups.Tuple.tuple(tenant + "|2026-11|EUR", "2026-11", "EUR", 1, new BigDecimal("40.00")));
    assertThat(aggregates).allMatch(a -> a.folding() == null || a.folding().isEmpty());
    String rawAggregates = rawDocuments("invoice_aggregates");
    for (String identifier : List.of(user, NAME, EMAIL, ACCOUNT, october, november, novemberEuro)) {
      assertThat(rawAggregates).doesNotContain(identifier);
    }
    // Campaigns: the user's hand-made one gone, the manager's stays.
    assertThat(mongo.findById(usersCampaign, Document.class, "campaigns")).isNull();
    assertThat(mongo.findById(othersCampaign, Document.class, "campaigns")).isNotNull();
    // Membership and pod place gone; the other creator's stay.
    assertThat(members.has(tenant, user, Role.CREATOR)).isFalse();
    assertThat(members.has(tenant, other, Role.CREATOR)).isTrue();
    assertThat(pods.creatorsManagedBy(tenant, manager)).isEqualTo(Set.of(other));
    // The pod they managed keeps its creators and no longer names them.
    assertThat(pods.creatorsManagedBy(tenant, user)).isEmpty();
    Document managedPod = mongo.findOne(query(where("podId").is("pod-m").and("tenantId").is(tenant)), Document.class,
        "pods");
    assertThat(managedPod.getList("creatorIds", String.class)).containsExactly(managed);
    assertThat(managedPod).doesNotContainKey("managerId");
    assertThat(rawDocuments("pods")).doesNotContain(user);
    // The batch line paying the user keeps its amount and status; only the name goes.
    JsonNode view = batchView(batch);
    JsonNode usersLine = lineOf(view, user);
    assertThat(usersLine.get("creatorName").asString()).isEqualTo("erased");
    assertThat(usersLine.get("amount").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(usersLine.get("status").asString()).isEqualTo("PENDING");
    assertThat(lineOf(view, other).get("creatorName").asString()).isEqualTo("Olga Other");
    assertThat(view.get("total").decimalValue()).isEqualByComparingTo("170.00");
    // None of the planted values is left in payout's own data (the Axon event store keeps its history, see README).
    for (String collection : List.of("payout_profiles", "invoices", "campaigns", "tenant_members", "pods", "batch_views",
        "batch_view_lines", "invoice_aggregates", "erasures")) {
      String raw = rawDocuments(collection);
      for (String planted : List.of(NAME, EMAIL, ACCOUNT)) assertThat(raw).as(collection).doesNotContain(planted);
    }
    assertThat(profile(other)).isNotNull();
    // The user's name key is shredded: the view rebuilt from the event store reads "erased", the other name stays.
    JsonNode replayed = replayedBatchView(batch);
    assertThat(lineOf(replayed, user).get("creatorName").asString()).isEqualTo("erased");
    assertThat(lineOf(replayed, other).get("creatorName").asString()).isEqualTo("Olga Other");
    assertThat(lineOf(replayed, user).get("amount").decimalValue()).isEqualByComparingTo("100.00");
    // A line stored before names were sealed (plain name in the event) reads "erased" too once its creator is.
    assertThat(creatorNames.open(tenant, List.of(legacyLine("l-1", user, NAME), legacyLine("l-2", other, "Olga Other"))))
        .isEqualTo(Map.of("l-1", "erased", "l-2", "Olga Other"));
    // And nothing new is sealed for the erased creator: setting their profile again is a 409 problem, not a 500.
    MvcResult again = http.perform(put("/api/payout-profiles/" + user).with(tenantUser(user, tenant, Role.CREATOR))
        .contentType(MediaType.APPLICATION_JSON).content(PayoutFixtures.ukProfile(NAME))).andReturn();
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(again.getResponse().getContentAsString()).contains("erased").doesNotContain("payout-profile:");

    // Asked again: the very same request redelivered is answered once; a new attempt erases nothing more, confirms
    // again with zero counts, and leaves the aggregates as they were.
    erasure.publish(first);
    EventEnvelope second = request(user, 2, ErasureServices.ALL, erasureIdOf(first));
    erasure.publish(second);
    List<EventEnvelope> both = confirmationsOf(erasureIdOf(first), 2);
    assertThat(both).extracting(EventEnvelope::causationId)
        .containsExactly(first.eventId().toString(), second.eventId().toString());
    assertThat(erasure.erased(both.getLast()).removed()).isEqualTo(
        Map.of("profiles", 0, "invoices", 0, "campaigns", 0, "lines", 0, "memberships", 0));
    assertThat(aggregates()).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(aggregates);
    assertThat(mongo.findById(othersInvoice, Invoice.class)).isNotNull();
  }

  @Test
  void a_request_that_does_not_name_payout_changes_nothing() throws Exception {
    PayoutFixtures.profileSetByCreator(http, tenant, user, PayoutFixtures.ukProfile(NAME));
    String invoice = invoice(user, NAME, "2026-10-05T09:00:00Z", "10.00", "USD", InvoiceStatus.SUBMITTED);
    EventEnvelope notPayouts = request(user, 1, List.of(ErasureServices.IDENTITY, ErasureServices.INGEST));
    erasure.publish(notPayouts);
    // Behind it on the same partition (same key), a request naming payout for a user payout never knew: once that
    // one is confirmed, the first was read and passed over.
    String stranger = "u-" + UUID.randomUUID();
    EventEnvelope behind = request(stranger, 1, ErasureServices.ALL);
    erasure.publish(user, behind);
    assertThat(erasure.erased(confirmationsOf(erasureIdOf(behind), 1).getFirst()).removed())
        .containsOnly(Map.entry("profiles", 0), Map.entry("invoices", 0), Map.entry("campaigns", 0),
        Map.entry("lines", 0), Map.entry("memberships", 0));

    assertThat(profile(user)).isNotNull();
    assertThat(mongo.findById(invoice, Invoice.class)).isNotNull();
    assertThat(members.has(tenant, user, Role.CREATOR)).isTrue();
    assertThat(aggregates()).isEmpty();
    assertThat(mongo.findById(erasureIdOf(notPayouts), Document.class, "erasures")).isNull();
    assertThat(KafkaRecords.read(Topics.PAYOUT, r -> r.value().contains(erasureIdOf(notPayouts)), 1,
        Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void a_request_naming_no_tenant_goes_to_the_dead_letter_topic() throws Exception {
    EventEnvelope valid = request(user, 1, ErasureServices.ALL);
    EventEnvelope noTenant = new EventEnvelope(valid.eventId(), valid.type(), valid.schemaVersion(), valid.occurredAt(),
        null, valid.actor(), valid.subjectId(), valid.correlationId(), null, valid.data());
    erasure.publish(user, noTenant);
    assertThat(KafkaRecords.read(Topics.deadLetterOf(Topics.RETENTION),
        r -> r.value().contains(noTenant.eventId().toString()), 1, Duration.ofSeconds(30))).hasSize(1);
    assertThat(members.has(tenant, user, Role.CREATOR)).isTrue();
  }

  @Test
  void an_invoice_counted_before_a_crash_is_deleted_without_being_counted_again() {
    String id = invoice(user, NAME, "2026-09-01T10:00:00Z", "12.34", "USD", InvoiceStatus.SUBMITTED);
    // What a crash between the aggregate's write and the invoice's deletion leaves: the token on both.
    mongo.updateFirst(query(where("_id").is(id)), new Update().set("foldToken", "token-1"), Invoice.class);
    String aggregate = InvoiceAggregate.idOf(tenant, "2026-09", "USD");
    mongo.insert(new InvoiceAggregate(aggregate, tenant, "2026-09", "USD", 1, new BigDecimal("12.34"), List.of("token-1")));

    assertThat(invoiceAggregates.foldAndDelete(tenant, user)).isEqualTo(1);
    assertThat(mongo.findById(id, Invoice.class)).isNull();
    InvoiceAggregate after = mongo.findById(aggregate, InvoiceAggregate.class);
    assertThat(after.count()).isEqualTo(1);
    assertThat(after.total()).isEqualByComparingTo("12.34");
    assertThat(after.folding()).isEmpty();
  }

  // --- fixtures

  /** A request of a new erasure, not yet published. */
  private EventEnvelope request(String userId, int attempt, List<String> services) {
    return request(userId, attempt, services, "er-" + UUID.randomUUID().toString().substring(0, 13));
  }

  private EventEnvelope request(String userId, int attempt, List<String> services, String erasureId) {
    return erasure.newRequest(tenant, new ErasureRequested(erasureId, userId, attempt, services));
  }

  private String erasureIdOf(EventEnvelope request) {
    return codec.data(request, EventTypes.RETENTION_ERASURE_REQUESTED).erasureId();
  }

  /** payout's confirmations of one erasure on {@code payout.events}, in the order published. */
  private List<EventEnvelope> confirmationsOf(String erasureId, int expected) {
    List<EventEnvelope> found = erasure.confirmations(erasureId, expected, Duration.ofSeconds(60));
    assertThat(found).hasSize(expected);
    return found;
  }

  private Document profile(String creator) {
    return mongo.findById(PayoutProfiles.subjectOf(tenant, creator).value(), Document.class, "payout_profiles");
  }

  /** A campaign made by hand by {@code maker} (holding MANAGER), once its event has left the outbox. */
  private String campaignMadeBy(String maker) throws Exception {
    MvcResult made = http.perform(post("/api/campaigns").with(tenantUser(maker, tenant, Role.MANAGER))
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Autumn drop\",\"brand\":\"acme.example\"}")).andReturn();
    assertThat(made.getResponse().getStatus()).isEqualTo(201);
    return json.readTree(made.getResponse().getContentAsString()).get("id").asString();
  }

  /** An invoice as submitted; the user's proofs link to a page naming their e-mail address. */
  private String invoice(String creator, String name, String submittedAt, String amount, String currency,
      InvoiceStatus status) {
    String id = "inv-" + UUID.randomUUID();
    Instant at = Instant.parse(submittedAt);
    mongo.insert(new Invoice(id, tenant, creator, name, "campaign-1", new BigDecimal(amount), currency, status, null, at,
        status == InvoiceStatus.SUBMITTED ? null : manager, status == InvoiceStatus.SUBMITTED ? null : at.plusSeconds(60),
        null, List.of(new ProofOfDelivery("https://social.example/" + (creator.equals(user) ? EMAIL : "olga") + "/post",
            LocalDate.of(2026, 10, 1))),
        List.of()));
    return id;
  }

  private String batchPayingTheApprovedInvoices() throws Exception {
    MvcResult generated = http.perform(post("/api/batches").with(tenantUser(ADMIN, tenant, Role.ADMIN))
        .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}")).andReturn();
    assertThat(generated.getResponse().getStatus()).isEqualTo(201);
    String id = json.readTree(generated.getResponse().getContentAsString()).get("id").asString();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> batchView(id).path("lines").size() == 2);
    assertThat(lineOf(batchView(id), user).get("creatorName").asString()).isEqualTo(NAME);
    return id;
  }

  /** The batch's stored events, raw, as one JSON text. */
  private String storedEvents(String batchId) {
    return mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", batchId)).map(Document::toJson)
        .into(new java.util.ArrayList<>()).stream().reduce("", String::concat);
  }

  /**
   * The batch's view as a replay of the whole event store rebuilds it: the view is deleted, {@code batch-views}' token
   * reset, and the projection reads every event again from the start.
   */
  private JsonNode replayedBatchView(String batchId) throws Exception {
    StreamingEventProcessor views = processing.eventProcessor("batch-views", StreamingEventProcessor.class)
        .orElseThrow();
    views.shutDown();
    mongo.remove(query(where("_id").is(batchId)), "batch_views");
    assertThat(batchView(batchId).path("lines").isMissingNode()).isTrue();
    views.resetTokens();
    views.start();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> batchView(batchId).path("lines").size() == 2);
    return batchView(batchId);
  }

  private static BatchLine legacyLine(String lineId, String creator, String name) {
    return new BatchLine(lineId, creator, name, BigDecimal.TEN, "USD", List.of("inv-" + lineId),
        new BatchLine.BankSnapshot("batch:b-1:1:0a1b2c3d:gAAAA", "••••3000", creator), null);
  }

  private JsonNode batchView(String id) throws Exception {
    MvcResult result = http.perform(get("/api/batches/" + id).with(tenantUser(ADMIN, tenant, Role.ADMIN))).andReturn();
    return result.getResponse().getStatus() == 200
        ? json.readTree(result.getResponse().getContentAsString()) : json.createObjectNode();
  }

  private static JsonNode lineOf(JsonNode batch, String creator) {
    for (JsonNode line : batch.get("lines")) if (line.get("creatorId").asString().equals(creator)) return line;
    throw new AssertionError("no line pays " + creator);
  }

  private List<InvoiceAggregate> aggregates() {
    return mongo.find(query(where("tenantId").is(tenant)), InvoiceAggregate.class);
  }

  private String rawDocuments(String collection) {
    return mongo.find(query(where("tenantId").is(tenant)), Document.class, collection).stream()
        .map(Document::toJson).reduce("", String::concat);
  }
}
