package dev.claraop.payout.batch;

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
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.payout.batch.BatchCommands.RecordExport;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceStatus;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch's life after generation through HTTP, the Axon event store on Mongo and a real Kafka broker:
 * who may drive it, what is refused (and then nothing changes), what happens to the invoices, and what
 * reaches {@code payout.events}.
 */
class BatchLifecycleIT extends PayoutIntegrationTest {

  private static final String PLANTED_IBAN = "DE89370400440532013000";
  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired CommandGateway commands;
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  /** A tenant with a generated two-line batch: its generator, and a second ADMIN who may approve. */
  private record Given(String tenant, String generator, String approver, String batchId, List<String> lineIds) {

    RequestPostProcessor generatorCall() {
      return tenantUser(generator, tenant, Role.ADMIN);
    }

    RequestPostProcessor approverCall() {
      return tenantUser(approver, tenant, Role.ADMIN);
    }
  }

  @Test
  void the_generator_cannot_approve_and_another_admin_of_the_tenant_can() throws Exception {
    Given batch = generatedBatch();

    http.perform(post(approve(batch)).with(batch.generatorCall()))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("the generator cannot approve")));
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated");

    http.perform(post(approve(batch)).with(batch.approverCall()).header("X-Request-Id", "req-approve-1"))
        .andExpect(status().isNoContent());
    JsonNode view = awaitView(batch, "APPROVED");
    assertThat(view.get("approvedBy").asString()).isEqualTo(batch.approver());
    assertThat(view.get("generatedBy").asString()).isEqualTo(batch.generator());
    assertThat(view.get("closedAt").isNull()).isTrue();

    EventEnvelope approved = published(batch, 2).get(1);
    assertThat(approved.type()).isEqualTo("payout.batch.approved");
    assertThat(approved.actor().id()).isEqualTo(batch.approver());
    assertThat(approved.correlationId()).isEqualTo("req-approve-1");
  }

  @Test
  void only_a_tenant_admin_drives_a_batch_and_every_refused_call_changes_nothing() throws Exception {
    Given batch = generatedBatch();
    String line = batch.lineIds().getFirst();
    List<Function<RequestPostProcessor, MockHttpServletRequestBuilder>> routes = List.of(
        caller -> post(approve(batch)).with(caller),
        caller -> post("/api/batches/" + batch.batchId() + "/cancel").with(caller).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"not needed\"}"),
        caller -> post(linePath(batch, line, "paid")).with(caller),
        caller -> post(linePath(batch, line, "failed")).with(caller).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"bounced\"}"));

    for (var route : routes) {
      http.perform(route.apply(request -> request))
          .andExpect(status().isUnauthorized())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      for (Role role : List.of(Role.MANAGER, Role.CREATOR)) {
        http.perform(route.apply(tenantUser("u-" + role, batch.tenant(), role)))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      }
      for (Role role : List.of(Role.PLATFORM_ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER)) {
        http.perform(route.apply(staff("s-" + role, role))).andExpect(status().isForbidden());
      }
      // Another tenant's ADMIN is told the batch does not exist, exactly as for an unknown id.
      MvcResult foreign = http.perform(route.apply(tenantUser("intruder", newTenant(), Role.ADMIN)))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail").value("batch not found"))
          .andReturn();
      assertThat(foreign.getResponse().getContentAsString()).doesNotContain(batch.tenant());
    }
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated");
    assertThat(reservedInvoices(batch)).isEqualTo(2);
  }

  @Test
  void unknown_batches_and_lines_are_404_problems() throws Exception {
    Given batch = generatedBatch();
    http.perform(post("/api/batches/" + UUID.randomUUID() + "/approve").with(batch.approverCall()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("batch not found"));
    http.perform(post(approve(batch)).with(batch.approverCall())).andExpect(status().isNoContent());
    recordExport(batch);
    http.perform(post(linePath(batch, "no-such-line", "paid")).with(batch.approverCall()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("line not found"));
  }

  @Test
  void illegal_transitions_are_409_problems_that_change_nothing() throws Exception {
    Given batch = generatedBatch();
    String line = batch.lineIds().getFirst();

    // Lines are settled only after export.
    http.perform(post(linePath(batch, line, "paid")).with(batch.approverCall()))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(409));
    http.perform(post(approve(batch)).with(batch.approverCall())).andExpect(status().isNoContent());
    http.perform(post(approve(batch)).with(batch.approverCall())).andExpect(status().isConflict());
    recordExport(batch);
    http.perform(post(linePath(batch, line, "paid")).with(batch.approverCall())).andExpect(status().isNoContent());
    http.perform(post(linePath(batch, line, "paid")).with(batch.approverCall())).andExpect(status().isConflict());
    http.perform(post(linePath(batch, line, "failed")).with(batch.approverCall())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"late bounce\"}"))
        .andExpect(status().isConflict());
    http.perform(post("/api/batches/" + batch.batchId() + "/cancel").with(batch.approverCall())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"too late\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("paid line")));

    assertThat(storedEvents(batch)).containsExactly("BatchGenerated", "BatchApproved", "BatchExported",
        "BankDetailsDecrypted", "LinePaid");
    JsonNode view = awaitView(batch, "EXPORTED");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lineStatus(batch, line).equals("PAID"));
    assertThat(lineStatus(view, batch.lineIds().get(1))).isEqualTo("PENDING");
  }

  @Test
  void a_reason_must_be_one_short_line_free_of_bank_details_and_is_never_echoed() throws Exception {
    Given batch = generatedBatch();
    String longReason = "x".repeat(201);
    for (String path : List.of("/api/batches/" + batch.batchId() + "/cancel",
        linePath(batch, batch.lineIds().getFirst(), "failed"))) {
      for (String body : List.of("{}", "{\"reason\":\"   \"}", "{\"reason\":\"" + longReason + "\"}",
          "{\"reason\":\"refund to " + PLANTED_IBAN + "\"}", "{\"reason\":\"acct 0001 2345 6789\"}")) {
        MvcResult result = http.perform(post(path).with(batch.approverCall())
                .contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("reason"))
            .andReturn();
        assertThat(result.getResponse().getContentAsString())
            .doesNotContain(PLANTED_IBAN).doesNotContain("0001 2345 6789").doesNotContain(longReason);
      }
      http.perform(post(path).with(batch.approverCall()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated");
  }

  @Test
  void a_cancelled_batch_gives_its_invoices_back_for_a_later_batch() throws Exception {
    Given batch = generatedBatch();
    http.perform(post(approve(batch)).with(batch.approverCall())).andExpect(status().isNoContent());
    http.perform(post("/api/batches/" + batch.batchId() + "/cancel").with(batch.approverCall())
            .header("X-Request-Id", "req-cancel-1")
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Campaign budget moved to December\"}"))
        .andExpect(status().isNoContent());

    JsonNode view = awaitView(batch, "CANCELLED");
    assertThat(view.get("closedAt").isNull()).isFalse();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reservedInvoices(batch) == 0);
    http.perform(post("/api/batches/" + batch.batchId() + "/cancel").with(batch.approverCall())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
        .andExpect(status().isConflict());

    // The same invoices, free again, go into the next batch, and only into that one.
    String next = generate(batch.tenant(), batch.generator()).get("id").asString();
    assertThat(mongo.findAll(Invoice.class).stream().filter(i -> i.tenantId().equals(batch.tenant()))
        .map(Invoice::batchId)).containsOnly(next);

    EventEnvelope cancelled = published(batch, 3).get(2);
    assertThat(cancelled.type()).isEqualTo("payout.batch.cancelled");
    assertThat(cancelled.actor().id()).isEqualTo(batch.approver());
    assertThat(cancelled.correlationId()).isEqualTo("req-cancel-1");
    assertThat(cancelled.data().get("reason").asString()).isEqualTo("Campaign budget moved to December");
    assertThat(cancelled.data().get("closedAt").asString()).isEqualTo(view.get("closedAt").asString());
  }

  @Test
  void a_batch_is_paid_line_by_line_then_closed_and_every_transition_reaches_kafka_by_its_schema() throws Exception {
    Given batch = generatedBatch();
    String first = batch.lineIds().get(0);
    String second = batch.lineIds().get(1);
    http.perform(post(approve(batch)).with(batch.approverCall())).andExpect(status().isNoContent());
    recordExport(batch);
    http.perform(post(linePath(batch, first, "failed")).with(batch.approverCall())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Bank returned the transfer\"}"))
        .andExpect(status().isNoContent());
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lineStatus(batch, first).equals("FAILED"));
    http.perform(post(linePath(batch, first, "paid")).with(batch.approverCall())).andExpect(status().isNoContent());
    http.perform(post(linePath(batch, second, "paid")).with(batch.generatorCall())).andExpect(status().isNoContent());

    JsonNode view = awaitView(batch, "FULLY_PAID");
    assertThat(view.get("closedAt").isNull()).isFalse();
    assertThat(lineStatus(view, first)).isEqualTo("PAID");
    assertThat(lineStatus(view, second)).isEqualTo("PAID");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findAll(Invoice.class).stream()
        .filter(i -> i.tenantId().equals(batch.tenant()))
        .allMatch(i -> i.status() == InvoiceStatus.PAID && batch.batchId().equals(i.batchId())));
    http.perform(post("/api/batches/" + batch.batchId() + "/cancel").with(batch.approverCall())
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"after the fact\"}"))
        .andExpect(status().isConflict());

    List<ConsumerRecord<String, String>> records = KafkaRecords.read(Topics.PAYOUT,
        r -> r.key().equals(batch.batchId()), 8, Duration.ofSeconds(30));
    List<EventEnvelope> events = records.stream().map(r -> codec.read(r.value())).toList();
    assertThat(events).extracting(EventEnvelope::type).containsExactly("payout.batch.generated",
        "payout.batch.approved", "payout.batch.exported", "payout.pii.decrypted", "payout.batch.line-failed", "payout.batch.line-paid",
        "payout.batch.line-paid", "payout.batch.closed");
    assertThat(events).extracting(e -> e.actor().id()).containsExactly(batch.generator(), batch.approver(),
        batch.approver(), batch.approver(), batch.approver(), batch.approver(), batch.generator(), batch.generator());
    for (EventEnvelope event : events) {
      EventType<?> type = EventTypes.byName(event.type()).orElseThrow();
      assertThat(event.schemaVersion()).isEqualTo(type.schemaVersion());
      assertThat(event.tenantId()).isEqualTo(batch.tenant());
      assertThat(SchemaCheck.violations(type, event.data())).as(event.type()).isEmpty();
      assertThat(codec.data(event, type)).isInstanceOf(type.dataType());
    }
    JsonNode closed = events.getLast().data();
    assertThat(closed.get("status").asString()).isEqualTo("FULLY_PAID");
    assertThat(closed.get("total").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(closed.get("closedAt").asString()).isEqualTo(view.get("closedAt").asString());
    assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContain(PLANTED_IBAN));
  }

  /**
   * Axon's per-aggregate lock (one JVM) and the event store's unique (aggregate, sequence) index (several)
   * let exactly one of many simultaneous commands on a batch win; the others are 409 and store nothing.
   */
  @Test
  void of_ten_simultaneous_approvals_exactly_one_wins() throws Exception {
    Given batch = generatedBatch();
    List<Integer> statuses = simultaneously(10, i -> post(approve(batch))
        .with(tenantUser("admin-" + i, batch.tenant(), Role.ADMIN)));
    assertThat(statuses).containsOnly(204, 409);
    assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated", "BatchApproved");
  }

  @Test
  void of_ten_simultaneous_payments_of_one_line_exactly_one_wins() throws Exception {
    Given batch = generatedBatch();
    http.perform(post(approve(batch)).with(batch.approverCall())).andExpect(status().isNoContent());
    recordExport(batch);
    String line = batch.lineIds().getFirst();
    List<Integer> statuses = simultaneously(10, i -> post(linePath(batch, line, "paid")).with(batch.approverCall()));
    assertThat(statuses).containsOnly(204, 409);
    assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated", "BatchApproved", "BatchExported",
        "BankDetailsDecrypted", "LinePaid");
  }

  // --- helpers

  private List<Integer> simultaneously(int callers, Function<Integer, MockHttpServletRequestBuilder> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        MockHttpServletRequestBuilder call = request.apply(i);
        answers.add(pool.submit((Callable<Integer>) () -> {
          start.await();
          return http.perform(call).andReturn().getResponse().getStatus();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) statuses.add(answer.get());
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A batch of two lines (one per creator) generated by one ADMIN of a fresh tenant. A recognisable IBAN is
   * planted in a creator's name, a field the published events must not carry.
   */
  private Given generatedBatch() throws Exception {
    String tenant = newTenant();
    approvedInvoice(tenant, "creator-a", "Ada Creator", "100.00");
    approvedInvoice(tenant, "creator-b", "Bea " + PLANTED_IBAN, "50.00");
    PayoutFixtures.profileSetByCreator(http, tenant, "creator-a", PayoutFixtures.ukProfile("Ada Creator"));
    PayoutFixtures.profileSetByCreator(http, tenant, "creator-b", PayoutFixtures.ukProfile("Bea Creator"));
    String generator = "admin-gen-" + tenant;
    JsonNode body = generate(tenant, generator);
    List<String> lineIds = new ArrayList<>();
    body.get("lines").forEach(l -> lineIds.add(l.get("id").asString()));
    return new Given(tenant, generator, "admin-ok-" + tenant, body.get("id").asString(), lineIds);
  }

  private JsonNode generate(String tenant, String admin) throws Exception {
    MvcResult result = http.perform(post("/api/batches").with(tenantUser(admin, tenant, Role.ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}"))
        .andExpect(status().isCreated()).andReturn();
    return json.readTree(result.getResponse().getContentAsString());
  }

  /** The export endpoint needs the bank-detail crypto; until then the test sends the command it will send. */
  private void recordExport(Given batch) {
    commands.sendAndWait(new RecordExport(batch.batchId(), batch.tenant(), batch.approver(), "payouts",
        ExportFormat.PAIN_001, SHA, batch.lineIds().size()));
  }

  private JsonNode awaitView(Given batch, String status) throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(view(batch).path("status").asString()));
    return view(batch);
  }

  private JsonNode view(Given batch) throws Exception {
    MvcResult result = http.perform(get("/api/batches/" + batch.batchId()).with(batch.approverCall())).andReturn();
    return result.getResponse().getStatus() == 200
        ? json.readTree(result.getResponse().getContentAsString()) : json.createObjectNode();
  }

  private String lineStatus(Given batch, String lineId) throws Exception {
    return lineStatus(view(batch), lineId);
  }

  private static String lineStatus(JsonNode view, String lineId) {
    for (JsonNode line : view.path("lines").values()) {
      if (line.get("id").asString().equals(lineId)) return line.get("status").asString();
    }
    return "";
  }

  /** The payload types stored for the batch, in order: what a refused command must leave untouched. */
  private List<String> storedEvents(Given batch) {
    List<String> types = new ArrayList<>();
    mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", batch.batchId()))
        .sort(new Document("sequenceNumber", 1))
        .forEach(d -> types.add(d.getString("payloadType").substring(d.getString("payloadType").lastIndexOf('$') + 1)));
    return types;
  }

  private List<EventEnvelope> published(Given batch, int count) {
    List<EventEnvelope> events = KafkaRecords.read(Topics.PAYOUT, r -> r.key().equals(batch.batchId()), count,
        Duration.ofSeconds(30)).stream().map(r -> codec.read(r.value())).toList();
    assertThat(events).hasSize(count);
    return events;
  }

  private long reservedInvoices(Given batch) {
    return mongo.findAll(Invoice.class).stream().filter(i -> batch.batchId().equals(i.batchId())).count();
  }

  private void approvedInvoice(String tenant, String creator, String name, String amount) {
    mongo.insert(new Invoice(UUID.randomUUID().toString(), tenant, creator, name, "campaign-1",
        new BigDecimal(amount), "USD", InvoiceStatus.APPROVED, null));
  }

  private static String approve(Given batch) {
    return "/api/batches/" + batch.batchId() + "/approve";
  }

  private static String linePath(Given batch, String lineId, String outcome) {
    return "/api/batches/" + batch.batchId() + "/lines/" + lineId + "/" + outcome;
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
