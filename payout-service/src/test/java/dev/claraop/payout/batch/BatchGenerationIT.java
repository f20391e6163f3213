package dev.claraop.payout.batch;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceStatus;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Generation through HTTP, the Axon event store on Mongo, and publication to a real Kafka broker. */
class BatchGenerationIT extends PayoutIntegrationTest {

  private static final String PLANTED_IBAN = "DE89370400440532013000";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Set<String> profiled = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void an_admin_generates_a_batch_with_one_line_per_creator_and_it_is_published_once() throws Exception {
    String tenant = newTenant();
    String admin = "admin-" + tenant;
    approvedInvoice(tenant, "creator-a", "100.00", "USD");
    approvedInvoice(tenant, "creator-a", "50.50", "USD");
    approvedInvoice(tenant, "creator-b", "70.00", "USD");
    approvedInvoice(tenant, "creator-c", "99.00", "EUR");

    MvcResult result = http.perform(post("/api/batches").with(tenantUser(admin, tenant, Role.ADMIN))
            .header("X-Request-Id", "req-generate-1")
            .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
            .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().exists("Location"))
        .andExpect(jsonPath("$.status").value("GENERATED"))
        .andExpect(jsonPath("$.generatedBy").value(admin))
        .andExpect(jsonPath("$.lines.length()").value(2))
        .andReturn();
    String batchId = json.readTree(result.getResponse().getContentAsString()).get("id").asString();

    List<ConsumerRecord<String, String>> records = KafkaRecords.read(Topics.PAYOUT,
        r -> r.key().equals(batchId), 1, Duration.ofSeconds(20));
    assertThat(records).hasSize(1);
    EventEnvelope envelope = codec.read(records.getFirst().value());
    assertThat(envelope.type()).isEqualTo("payout.batch.generated");
    assertThat(envelope.tenantId()).isEqualTo(tenant);
    assertThat(envelope.actor().id()).isEqualTo(admin);
    assertThat(envelope.correlationId()).isEqualTo("req-generate-1");
    // The caller's trace, kept with the event in the store and continued by the publisher on another thread.
    assertThat(new String(records.getFirst().headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
        .startsWith("00-" + TRACE + "-");
    BatchGenerated data = codec.data(envelope, EventTypes.PAYOUT_BATCH_GENERATED);
    assertThat(data.lineCount()).isEqualTo(2);
    assertThat(data.total()).isEqualTo(new BigDecimal("220.50"));
    assertThat(records.getFirst().value()).doesNotContain(PLANTED_IBAN);

    // The EUR invoice is still free; the USD ones are held by the batch and not offered again.
    http.perform(post("/api/batches").with(tenantUser(admin, tenant, Role.ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void a_generation_that_would_take_more_invoices_than_the_cap_is_refused_and_reserves_nothing() throws Exception {
    String tenant = newTenant();
    String admin = "admin-" + tenant;
    for (int i = 0; i <= MAX_INVOICES; i++) approvedInvoice(tenant, "creator-" + (i % 3), "1.00", "USD");
    http.perform(post("/api/batches").with(tenantUser(admin, tenant, Role.ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value((MAX_INVOICES + 1) + " approved, unpaid invoices in USD wait, more than the "
            + MAX_INVOICES + " one batch may take (claraop.payout.batches.max-invoices): nothing was reserved"));
    assertThat(unbatchedInvoices(tenant)).isEqualTo(MAX_INVOICES + 1);

    // At the cap it is generated: one line per creator.
    mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(tenant)).limit(1), Invoice.class);
    http.perform(post("/api/batches").with(tenantUser(admin, tenant, Role.ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.lines.length()").value(3));
    assertThat(unbatchedInvoices(tenant)).isZero();
  }

  @Test
  void the_batch_is_readable_by_its_tenant_and_absent_for_another() throws Exception {
    String tenant = newTenant();
    approvedInvoice(tenant, "creator-a", "10.00", "USD");
    String batchId = generate(tenant);
    awaitView(tenant, batchId);
    http.perform(get("/api/batches").with(tenantUser("a", tenant, Role.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(batchId))
        .andExpect(jsonPath("$.nextCursor").isEmpty());
    http.perform(get("/api/batches/" + batchId).with(tenantUser("x", newTenant(), Role.ADMIN)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void only_an_admin_may_generate_and_a_refused_call_changes_nothing() throws Exception {
    String tenant = newTenant();
    approvedInvoice(tenant, "creator-a", "10.00", "USD");
    String body = "{\"currency\":\"USD\"}";
    http.perform(post("/api/batches").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    for (Role role : List.of(Role.MANAGER, Role.CREATOR)) {
      http.perform(post("/api/batches").with(tenantUser("u", tenant, role))
              .contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.title").value("Forbidden"))
          .andExpect(jsonPath("$.status").value(403))
          .andExpect(jsonPath("$.properties").doesNotExist());
    }
    for (Role role : List.of(Role.PLATFORM_ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER)) {
      http.perform(post("/api/batches").with(dev.claraop.test.Callers.staff("s", role))
              .contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isForbidden());
    }
    assertThat(unbatchedInvoices(tenant)).isEqualTo(1);
  }

  @Test
  void bad_json_and_unknown_currencies_are_problems_that_create_nothing() throws Exception {
    String tenant = newTenant();
    approvedInvoice(tenant, "creator-a", "10.00", "USD");
    for (String body : List.of("{\"currency\":", "{\"currency\":\"XYZ\"}", "{\"currency\":\"usd\"}", "{}",
        "{\"currency\":\"" + PLANTED_IBAN + "\"}")) {
      MvcResult result = http.perform(post("/api/batches").with(tenantUser("a", tenant, Role.ADMIN))
              .contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.title").exists())
          .andReturn();
      assertThat(result.getResponse().getContentAsString()).doesNotContain(PLANTED_IBAN);
    }
    assertThat(unbatchedInvoices(tenant)).isEqualTo(1);
    assertThat(mongo.getCollection("domainevents").countDocuments(
        new org.bson.Document("payload", new org.bson.Document("$regex", tenant))
            .append("payloadType", new org.bson.Document("$regex", "BatchEvents")))).isZero();
  }

  /**
   * Mongo event stores can let a tracking processor skip events committed out of order; this runs 20
   * generations at once and requires every one on Kafka exactly once.
   */
  @Test
  void twenty_concurrent_generations_all_reach_kafka_exactly_once() throws Exception {
    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String tenant = newTenant();
      approvedInvoice(tenant, "creator-a", "10.00", "USD");
      approvedInvoice(tenant, "creator-b", "20.00", "USD");
      tenants.add(tenant);
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<String>> generated = new ArrayList<>();
    for (String tenant : tenants) generated.add(pool.submit((Callable<String>) () -> generate(tenant)));
    Set<String> batchIds = generated.stream().map(f -> {
      try {
        return f.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).collect(Collectors.toSet());
    pool.shutdown();
    assertThat(batchIds).hasSize(20);

    List<ConsumerRecord<String, String>> records = KafkaRecords.read(Topics.PAYOUT,
        r -> batchIds.contains(r.key()), 20, Duration.ofSeconds(60));
    assertThat(records).hasSize(20);
    assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(batchIds);
    assertThat(records.stream().map(r -> codec.read(r.value()).eventId()).distinct()).hasSize(20);
  }

  private String generate(String tenant) throws Exception {
    MvcResult result = http.perform(post("/api/batches").with(tenantUser("admin-" + tenant, tenant, Role.ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}"))
        .andExpect(status().isCreated()).andReturn();
    JsonNode body = json.readTree(result.getResponse().getContentAsString());
    return body.get("id").asString();
  }

  private void awaitView(String tenant, String batchId) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(
        get("/api/batches/" + batchId).with(tenantUser("a", tenant, Role.ADMIN))).andReturn().getResponse().getStatus() == 200);
  }

  private long unbatchedInvoices(String tenant) {
    return mongo.findAll(Invoice.class).stream()
        .filter(i -> i.tenantId().equals(tenant) && i.batchId() == null).count();
  }

  /** An approved invoice of a creator who has a payout profile (set once per tenant and creator). */
  private void approvedInvoice(String tenant, String creator, String amount, String currency) throws Exception {
    if (!profiled.contains(tenant + "/" + creator)) {
      PayoutFixtures.profileSetByCreator(http, tenant, creator, PayoutFixtures.ukProfile("Name of " + creator));
      profiled.add(tenant + "/" + creator);
    }
    mongo.insert(new Invoice(UUID.randomUUID().toString(), tenant, creator, "Name of " + creator, "campaign-1",
        new BigDecimal(amount), currency, InvoiceStatus.APPROVED, null));
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
