package dev.claraop.payout.export;

import static dev.claraop.payout.BatchFlow.retentionService;
import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.payout.BatchFlow;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.FieldValue;
import dev.claraop.platform.crypto.shredding.Subject;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The bank file (export: the one decryption of bank details) and the purge (crypto-shredding) through HTTP, the
 * event store, the data-key store and Kafka.
 */
class BankFileIT extends PayoutIntegrationTest {

  private static final String US_PROFILE = "{\"accountHolder\":\"Bob Maker\",\"country\":\"US\",\"currency\":\"USD\","
      + "\"accountNumber\":\"000123456789\",\"routingCode\":\"021000021\"}";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired DataKeys dataKeys;
  @Autowired org.springframework.context.ApplicationContext context;
  private final EventCodec codec = new EventCodec();

  private BatchFlow twoLineBatch() throws Exception {
    return BatchFlow.generated(http, mongo, List.of(PayoutFixtures.ukProfile("Ada Creator"), US_PROFILE));
  }

  @Test
  void an_approved_batch_exports_a_pain001_file_that_counts_and_sums_its_lines_and_the_decryption_is_published()
      throws Exception {
    BatchFlow batch = twoLineBatch();
    // The view is a projection: wait until it has caught up with the generation.
    assertThat(batch.awaitView("GENERATED").path("lines").get(0).path("account").asString()).startsWith("••••");
    assertThat(batch.approve()).isEqualTo(204);
    MvcResult result = batch.export("PAIN_001");
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentType()).startsWith("application/xml");
    assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains(".xml");
    assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
    byte[] file = result.getResponse().getContentAsByteArray();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    assertThat(result.getResponse().getHeader("X-File-SHA256")).isEqualTo(sha);

    var initiation = MxPain00100109.parse(new String(file, StandardCharsets.UTF_8)).getCstmrCdtTrfInitn();
    assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("2");
    assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("20.00");
    var transfers = initiation.getPmtInf().getFirst().getCdtTrfTxInf();
    assertThat(transfers).extracting(t -> t.getCdtrAcct().getId().getIBAN() != null
        ? t.getCdtrAcct().getId().getIBAN() : t.getCdtrAcct().getId().getOthr().getId())
        .containsExactlyInAnyOrder("GB33BUKB20201555555555", "000123456789");

    List<EventEnvelope> events = KafkaRecords.read(Topics.PAYOUT, r -> r.key().equals(batch.batchId()), 4,
        Duration.ofSeconds(30)).stream().map(r -> codec.read(r.value())).toList();
    assertThat(events).extracting(EventEnvelope::type).containsExactly("payout.batch.generated",
        "payout.batch.approved", "payout.batch.exported", "payout.pii.decrypted");
    EventEnvelope decrypted = events.getLast();
    assertThat(decrypted.actor().id()).isEqualTo(BatchFlow.APPROVER);
    assertThat(SchemaCheck.violations(EventTypes.PAYOUT_PII_DECRYPTED, decrypted.data())).isEmpty();
    var data = codec.data(decrypted, EventTypes.PAYOUT_PII_DECRYPTED);
    assertThat(data.purpose()).isEqualTo("November creator payouts");
    assertThat(data.lineCount()).isEqualTo(2);
    assertThat(data.fileSha256()).isEqualTo(sha);
    assertThat(data.format()).isEqualTo("PAIN_001");

    // No line paid yet: a second file (CSV this time) may be made, and it is a second audited decryption.
    MvcResult csv = batch.export("CSV");
    assertThat(csv.getResponse().getStatus()).isEqualTo(200);
    assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
    assertThat(csv.getResponse().getContentAsString()).contains("\"GB33BUKB20201555555555\"", "\"000123456789\"");
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated", "BatchApproved", "BatchExported",
        "BankDetailsDecrypted", "BatchExported", "BankDetailsDecrypted");
  }

  @Test
  void only_a_tenant_admin_exports_with_a_purpose_and_only_an_approved_batch() throws Exception {
    BatchFlow batch = twoLineBatch();
    String good = "{\"purpose\":\"November creator payouts\",\"format\":\"PAIN_001\"}";
    assertThat(batch.export(request -> request, good).getResponse().getStatus()).isEqualTo(401);
    for (Role role : List.of(Role.MANAGER, Role.CREATOR)) {
      assertThat(batch.export(tenantUser("u", batch.tenant(), role), good).getResponse().getStatus()).isEqualTo(403);
    }
    for (Role role : List.of(Role.PLATFORM_ADMIN, Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER)) {
      assertThat(batch.export(staff("s", role), good).getResponse().getStatus()).isEqualTo(403);
    }
    MvcResult foreign = batch.export(tenantUser("intruder", "t-other", Role.ADMIN), good);
    assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
    // Not approved yet: 409, and no file leaves.
    MvcResult early = batch.export(batch.approver(), good);
    assertThat(early.getResponse().getStatus()).isEqualTo(409);
    assertThat(early.getResponse().getContentType()).startsWith("application/problem+json");

    assertThat(batch.approve()).isEqualTo(204);
    String[][] bad = {{"{\"format\":\"PAIN_001\"}", "purpose"}, {"{\"purpose\":\"  \",\"format\":\"CSV\"}", "purpose"},
        {"{\"purpose\":\"pay GB82WEST12345698765432\",\"format\":\"CSV\"}", "purpose"},
        {"{\"purpose\":\"payouts\"}", "format"}, {"{\"purpose\":\"payouts\",\"format\":\"PDF\"}", "format"}};
    for (String[] body : bad) {
      MvcResult refused = batch.export(batch.approver(), body[0]);
      assertThat(refused.getResponse().getStatus()).as(body[0]).isEqualTo(400);
      assertThat(refused.getResponse().getContentAsString()).contains("\"field\":\"" + body[1] + "\"")
          .doesNotContain("GB82WEST12345698765432");
    }
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated", "BatchApproved");
  }

  @Test
  void whoever_set_a_creators_bank_details_last_cannot_approve_a_batch_paying_them() throws Exception {
    BatchFlow batch = twoLineBatch();
    // The would-be approver changes a creator's bank details after generation: the batch still pays the snapshot,
    // whose editor was the creator, so it does not bar them. The next batch pays the new details: it does.
    dev.claraop.payout.IdentityAnnouncements.from(context).creator(batch.tenant(), "creator-0");
    http.perform(put("/api/payout-profiles/creator-0").with(batch.approver())
        .contentType(MediaType.APPLICATION_JSON).content(PayoutFixtures.ukProfile("Ada Changed")));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/payout-profiles/creator-0")
                .with(batch.approver())).andReturn().getResponse().getContentAsString().contains(BatchFlow.APPROVER));
    assertThat(batch.approve()).isEqualTo(204);

    mongo.insert(new dev.claraop.payout.invoice.Invoice(java.util.UUID.randomUUID().toString(), batch.tenant(),
        "creator-0", "Creator 0", "campaign-2", new java.math.BigDecimal("5.00"), "USD",
        dev.claraop.payout.invoice.InvoiceStatus.APPROVED, null));
    MvcResult next = http.perform(post("/api/batches").with(batch.generator())
        .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}")).andReturn();
    String nextId = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(next.getResponse().getContentAsString()).get("id").asString();
    MvcResult refused = http.perform(post("/api/batches/" + nextId + "/approve").with(batch.approver())).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString()).contains("last editor of bank details");
    assertThat(http.perform(post("/api/batches/" + nextId + "/approve")
        .with(tenantUser("admin-third", batch.tenant(), Role.ADMIN))).andReturn().getResponse().getStatus()).isEqualTo(204);
  }

  @Test
  void a_batch_without_every_creators_profile_is_not_generated() throws Exception {
    String tenant = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    PayoutFixtures.profileSetByCreator(http, tenant, "with-profile", US_PROFILE);
    for (String creator : List.of("with-profile", "without-profile")) {
      mongo.insert(new dev.claraop.payout.invoice.Invoice(java.util.UUID.randomUUID().toString(), tenant, creator,
          "Name", "campaign-1", new java.math.BigDecimal("5.00"), "USD",
          dev.claraop.payout.invoice.InvoiceStatus.APPROVED, null));
    }
    MvcResult refused = http.perform(post("/api/batches").with(tenantUser("admin", tenant, Role.ADMIN))
        .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}")).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString()).contains("without-profile").doesNotContain("with-profile,");
    assertThat(mongo.findAll(dev.claraop.payout.invoice.Invoice.class).stream()
        .filter(i -> i.tenantId().equals(tenant)).allMatch(i -> i.batchId() == null)).isTrue();
  }

  // --- purge

  @Test
  void only_retention_service_may_purge() throws Exception {
    BatchFlow batch = twoLineBatch();
    assertThat(batch.purge(request -> request).getResponse().getStatus()).isEqualTo(401);
    var refused = List.of(tenantUser("a", batch.tenant(), Role.ADMIN), tenantUser("m", batch.tenant(), Role.MANAGER),
        tenantUser("c", batch.tenant(), Role.CREATOR), staff("p", Role.PLATFORM_ADMIN), staff("s", Role.SUPPORT_ENGINEER),
        // the purge role on a token of the web client, or on a tenant's token, is not retention-service
        jwt().jwt(t -> t.subject("u").claim("azp", "claraop-web").claim("roles", List.of("SERVICE_RETENTION"))),
        jwt().jwt(t -> t.subject("u").claim("azp", "retention-service").claim("tenant_id", batch.tenant())
            .claim("roles", List.of("SERVICE_RETENTION"))),
        jwt().jwt(t -> t.subject("u").claim("azp", "retention-service").claim("roles", List.of("ADMIN"))));
    for (var caller : refused) assertThat(batch.purge(caller).getResponse().getStatus()).isEqualTo(403);
    // An open batch is never purged.
    assertThat(batch.purge(retentionService()).getResponse().getStatus()).isEqualTo(409);
    assertThat(http.perform(post("/internal/batches/" + java.util.UUID.randomUUID() + "/purge").with(retentionService()))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
    assertThat(storedEvents(batch)).containsExactly("BatchGenerated");
  }

  @Test
  void a_purge_after_the_retention_period_shreds_the_snapshot_for_good_and_keeps_the_rest() throws Exception {
    BatchFlow batch = twoLineBatch();
    assertThat(batch.approve()).isEqualTo(204);
    assertThat(batch.export("PAIN_001").getResponse().getStatus()).isEqualTo(200);
    batch.payEveryLine();
    batch.awaitView("FULLY_PAID");
    List<String> sealed = sealedAccounts(batch);
    assertThat(sealed).hasSize(2);
    assertThat(sealed).allSatisfy(text -> assertThat(open(batch, text)).isInstanceOf(FieldValue.Readable.class));

    // Closed just now: kept for PURGE_AFTER, so too early.
    MvcResult early = batch.purge(retentionService());
    assertThat(early.getResponse().getStatus()).isEqualTo(409);
    assertThat(early.getResponse().getContentAsString()).contains("kept until");

    Awaitility.await().pollDelay(PURGE_AFTER).atMost(PURGE_AFTER.plusSeconds(20)).pollInterval(Duration.ofMillis(500))
        .until(() -> batch.purge(retentionService()).getResponse().getStatus() == 200);
    MvcResult again = batch.purge(retentionService());
    assertThat(again.getResponse().getStatus()).isEqualTo(200);
    assertThat(again.getResponse().getContentAsString()).contains("\"purgedNow\":false");
    assertThat(storedEvents(batch).stream().filter("BatchPurged"::equals)).hasSize(1);

    // Replaying the event store yields no bank detail: every sealed account now reads SHREDDED.
    assertThat(sealedAccounts(batch)).isEqualTo(sealed)
        .allSatisfy(text -> assertThat(open(batch, text)).isInstanceOf(FieldValue.Shredded.class));
    assertThat(dataKeys().find(new Document("_id", "batch:" + batch.batchId())).first().getString("state"))
        .isEqualTo("shredded");
    assertThat(mongo.getCollection("data_keys").countDocuments()).as("no data key in the data's own database").isZero();

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !batch.view().path("purgedAt").isNull()
        && batch.view().path("purgedAt").isString());
    JsonNode view = batch.view();
    assertThat(view.get("status").asString()).isEqualTo("FULLY_PAID");
    assertThat(view.get("currency").asString()).isEqualTo("USD");
    view.get("lines").forEach(line -> {
      assertThat(line.get("account").asString()).isEqualTo("SHREDDED");
      assertThat(line.get("creatorName").asString()).startsWith("Creator ");
      assertThat(line.get("amount").decimalValue()).isEqualByComparingTo("10.00");
      assertThat(line.get("status").asString()).isEqualTo("PAID");
    });
    assertThat(batch.export("CSV").getResponse().getStatus()).isEqualTo(409);

    EventEnvelope purged = KafkaRecords.read(Topics.PAYOUT, r -> r.key().equals(batch.batchId())
            && r.value().contains("payout.batch.purged"), 1, Duration.ofSeconds(30))
        .stream().map(r -> codec.read(r.value())).findFirst().orElseThrow();
    assertThat(purged.actor().kind().name()).isEqualTo("SYSTEM");
    assertThat(purged.actor().id()).isEqualTo("retention-service");
    EventType<?> type = EventTypes.PAYOUT_BATCH_PURGED;
    assertThat(SchemaCheck.violations(type, purged.data())).isEmpty();
  }

  // --- helpers

  private FieldValue open(BatchFlow batch, String sealed) {
    return dataKeys.decrypt(Subject.of("batch", batch.batchId()), Ciphertext.parse(sealed));
  }

  /** Every sealed account in the batch's raw events, as stored in Mongo. */
  private List<String> sealedAccounts(BatchFlow batch) {
    Pattern sealedForBatch = Pattern.compile("batch:" + batch.batchId() + ":[0-9]+:[0-9a-f]{8}:[A-Za-z0-9_=-]+");
    List<String> found = new ArrayList<>();
    mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", batch.batchId())).forEach(d -> {
      Matcher m = sealedForBatch.matcher(d.toJson());
      while (m.find()) found.add(m.group());
    });
    return found;
  }

  private List<String> storedEvents(BatchFlow batch) {
    List<String> types = new ArrayList<>();
    mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", batch.batchId()))
        .sort(new Document("sequenceNumber", 1))
        .forEach(d -> types.add(d.getString("payloadType").substring(d.getString("payloadType").lastIndexOf('$') + 1)));
    return types;
  }
}
