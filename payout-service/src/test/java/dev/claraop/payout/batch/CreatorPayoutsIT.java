package dev.claraop.payout.batch;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.payout.BatchFlow;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceStatus;
import dev.claraop.platform.security.Role;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A creator's payout trail (issue 20 §4), {@code GET /api/my/payouts}: driven through the API from generation to
 * payment, so the times come from the projection of the real events. Two creators share each batch; each sees their
 * own line only, with the mask of their account and the approver as a role, never a name or an id.
 */
class CreatorPayoutsIT extends PayoutIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String IBAN = "GB33BUKB20201555555555";
  private static final String TRAIL = "/api/my/payouts";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;

  @Test
  void a_creator_follows_their_own_lines_newest_first_from_generation_to_the_bank_s_answer() throws Exception {
    BatchFlow batch = BatchFlow.generated(http, mongo,
        List.of(PayoutFixtures.ukProfile("Ada Creator"), PayoutFixtures.ukProfile("Bob Creator")));
    JsonNode generated = batch.awaitView("GENERATED");
    String adaLine = lineOf(generated, "creator-0");
    String bobLine = lineOf(generated, "creator-1");
    assertThat(batch.approve()).isEqualTo(204);
    assertThat(batch.export("CSV").getResponse().getStatus()).isEqualTo(200);
    http.perform(post(batch.path("/lines/" + adaLine + "/paid")).with(batch.approver())).andExpect(status().isNoContent());
    http.perform(post(batch.path("/lines/" + bobLine + "/failed")).with(batch.approver())
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"account closed\"}"))
        .andExpect(status().isNoContent());
    // A later batch pays Ada again, and is cancelled before it is approved.
    String later = laterBatch(batch.tenant(), "creator-0");
    http.perform(post("/api/batches/" + later + "/cancel").with(batch.approver()).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\"wrong month\"}")).andExpect(status().isNoContent());

    RequestPostProcessor ada = tenantUser("creator-0", batch.tenant(), Role.CREATOR);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
      JsonNode items = read(get(TRAIL), ada).get("items");
      return items.size() == 2 && "CANCELLED".equals(items.get(0).path("batchStatus").asString())
          && "PAID".equals(items.get(1).path("status").asString());
    });
    MvcResult answer = http.perform(get(TRAIL).with(ada)).andExpect(status().isOk()).andReturn();
    JsonNode items = JSON.readTree(answer.getResponse().getContentAsString()).get("items");

    JsonNode cancelled = items.get(0);
    assertThat(cancelled.get("batchId").asString()).isEqualTo(later);
    assertThat(cancelled.get("batchReference").asString()).isEqualTo(later.substring(0, 8));
    assertThat(cancelled.get("status").asString()).isEqualTo("PENDING");
    assertThat(cancelled.get("approvedAt").isNull()).isTrue();
    assertThat(cancelled.get("approvedBy").isNull()).isTrue();

    JsonNode paid = items.get(1);
    assertThat(paid.get("lineId").asString()).isEqualTo(adaLine);
    assertThat(paid.get("batchId").asString()).isEqualTo(batch.batchId());
    assertThat(paid.get("batchReference").asString()).isEqualTo(batch.batchId().substring(0, 8));
    assertThat(paid.get("amount").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(paid.get("currency").asString()).isEqualTo("USD");
    assertThat(paid.get("status").asString()).isEqualTo("PAID");
    assertThat(paid.get("failureReason").isNull()).isTrue();
    assertThat(paid.get("batchStatus").asString()).isEqualTo("EXPORTED");
    assertThat(paid.get("account").asString()).isEqualTo("••••5555");
    assertThat(paid.get("approvedBy").asString()).isEqualTo("an agency admin");
    Instant generatedAt = instant(paid, "generatedAt");
    Instant approvedAt = instant(paid, "approvedAt");
    Instant exportedAt = instant(paid, "exportedAt");
    Instant confirmedAt = instant(paid, "confirmedAt");
    assertThat(generatedAt).isBeforeOrEqualTo(approvedAt);
    assertThat(approvedAt).isBeforeOrEqualTo(exportedAt);
    assertThat(exportedAt).isBeforeOrEqualTo(confirmedAt);
    assertThat(instant(cancelled, "generatedAt")).isAfterOrEqualTo(generatedAt);

    String text = answer.getResponse().getContentAsString();
    assertThat(text).as("nothing of the other creator, of the account beyond its mask, or of the agency's staff")
        .doesNotContain("creator-1", bobLine, "Bob", IBAN, "20201555555555", "BUKBGB22", BatchFlow.GENERATOR,
            BatchFlow.APPROVER);

    // Bob's trail: his failed line and its reason, nothing of Ada's.
    RequestPostProcessor bob = tenantUser("creator-1", batch.tenant(), Role.CREATOR);
    Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> "FAILED".equals(read(get(TRAIL), bob).get("items").path(0).path("status").asString()));
    MvcResult bobs = http.perform(get(TRAIL).with(bob)).andExpect(status().isOk()).andReturn();
    JsonNode failed = JSON.readTree(bobs.getResponse().getContentAsString()).get("items");
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("lineId").asString()).isEqualTo(bobLine);
    assertThat(failed.get(0).get("failureReason").asString()).isEqualTo("account closed");
    assertThat(failed.get(0).get("confirmedAt").isNull()).isFalse();
    assertThat(bobs.getResponse().getContentAsString())
        .doesNotContain("creator-0", adaLine, later, BatchFlow.GENERATOR, BatchFlow.APPROVER);

    // A creator of the same id in another tenant has no payouts here.
    assertThat(read(get(TRAIL), tenantUser("creator-0", "t-" + UUID.randomUUID(), Role.CREATOR)).get("items")).isEmpty();
  }

  @Test
  void the_trail_is_paged_by_cursor_and_its_page_size_is_capped() throws Exception {
    BatchFlow batch = BatchFlow.generated(http, mongo, List.of(PayoutFixtures.ukProfile("Ada Creator")));
    batch.awaitView("GENERATED");
    List<String> batches = new ArrayList<>(List.of(batch.batchId()));
    for (int i = 0; i < 2; i++) batches.add(laterBatch(batch.tenant(), "creator-0"));
    RequestPostProcessor ada = tenantUser("creator-0", batch.tenant(), Role.CREATOR);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> read(get(TRAIL), ada).get("items").size() == 3);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = read(cursor == null ? get(TRAIL).param("limit", "2")
          : get(TRAIL).param("limit", "2").param("cursor", cursor), ada);
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      page.get("items").forEach(item -> seen.add(item.get("batchId").asString()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(2);
    assertThat(seen).as("newest first").containsExactlyElementsOf(batches.reversed());

    for (MockHttpServletRequestBuilder bad : List.of(get(TRAIL).param("limit", "201"), get(TRAIL).param("limit", "0"),
        get(TRAIL).param("cursor", "not-a-cursor"))) {
      http.perform(bad.with(ada)).andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get(TRAIL).param("limit", "201").with(ada)).andExpect(jsonPath("$.errors[0].field").value("limit"));
    assertThat(read(get(TRAIL).param("limit", "200"), ada).get("items")).hasSize(3);
  }

  @Test
  void only_a_creator_reads_a_payout_trail() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    for (RequestPostProcessor refused : List.of(tenantUser("admin-1", tenant, Role.ADMIN),
        tenantUser("mgr-1", tenant, Role.MANAGER), staff("s-1", Role.SUPPORT_ENGINEER),
        staff("s-2", Role.SUPPORT_REVIEWER), staff("s-3", Role.PLATFORM_ADMIN), staff("s-4", Role.SECURITY_TRIAGE))) {
      http.perform(get(TRAIL).with(refused)).andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get(TRAIL)).andExpect(status().isUnauthorized());
    assertThat(read(get(TRAIL), tenantUser("creator-9", tenant, Role.CREATOR)).get("items")).isEmpty();
  }

  // --- helpers ---

  /** One more approved invoice of {@code creator} and a batch generated from it; its id. */
  private String laterBatch(String tenant, String creator) throws Exception {
    mongo.insert(new Invoice(UUID.randomUUID().toString(), tenant, creator, "Ada Creator", "campaign-1",
        new BigDecimal("10.00"), "USD", InvoiceStatus.APPROVED, null));
    MvcResult made = http.perform(post("/api/batches").with(tenantUser(BatchFlow.GENERATOR, tenant, Role.ADMIN))
        .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}")).andExpect(status().isCreated())
        .andReturn();
    String id = JSON.readTree(made.getResponse().getContentAsString()).get("id").asString();
    // Each batch is in the view before the next is made, so their generation times follow one another.
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(get("/api/batches/" + id)
        .with(tenantUser(BatchFlow.APPROVER, tenant, Role.ADMIN))).andReturn().getResponse().getStatus() == 200);
    return id;
  }

  private static String lineOf(JsonNode batch, String creator) {
    for (JsonNode line : batch.get("lines")) {
      if (creator.equals(line.get("creatorId").asString())) return line.get("id").asString();
    }
    throw new AssertionError("no line for " + creator);
  }

  private static Instant instant(JsonNode item, String field) {
    assertThat(item.get(field).isNull()).as(field).isFalse();
    return Instant.parse(item.get(field).asString());
  }

  private JsonNode read(MockHttpServletRequestBuilder request, RequestPostProcessor caller) throws Exception {
    return JSON.readTree(http.perform(request.with(caller)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
  }
}
