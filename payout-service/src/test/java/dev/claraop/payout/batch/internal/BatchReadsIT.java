package dev.claraop.payout.batch.internal;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.payout.batch.BatchStatus;
import dev.claraop.payout.batch.LineStatus;
import dev.claraop.payout.tenancy.internal.PodDocument;
import dev.claraop.platform.security.Role;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch reads of issue 19 ("lists stay small") and issue 17's screens: {@code GET /api/batches} lists summaries
 * without a line, in cursor pages; {@code GET /api/batches/{id}/lines} pages a batch's lines; {@code GET
 * /api/batches/{id}} carries lines inline only up to 1,000. Each scoped by tenant and, for a MANAGER, by pod. Batches
 * are written straight into the read model here (as {@code BatchProjection} writes it), so a 10,000-line batch costs
 * no generation; the projection itself is driven through the API by the other batch tests.
 */
class BatchReadsIT extends PayoutIntegrationTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired LegacyBatchViews legacy;
  private String tenant;

  @BeforeEach
  void freshTenant() {
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void the_list_shows_summaries_without_a_line_newest_first_in_cursor_pages() throws Exception {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(batch(tenant, T0.plus(i, ChronoUnit.MINUTES), i == 2 ? BatchStatus.APPROVED : BatchStatus.GENERATED, 3,
          n -> "creator-" + n));
    }
    String elsewhere = batch("t-other-" + UUID.randomUUID(), T0.plus(9, ChronoUnit.MINUTES), BatchStatus.GENERATED, 1,
        n -> "creator-" + n);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = read(after(get("/api/batches").param("limit", "2"), cursor), admin());
      for (JsonNode item : page.get("items")) {
        seen.add(item.get("id").asString());
        assertThat(item.has("lines")).as("a list carries no line").isFalse();
        assertThat(item.get("lineCount").asInt()).isEqualTo(3);
        assertThat(item.get("total").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(item.get("linesHref").asString()).isEqualTo("/api/batches/" + item.get("id").asString() + "/lines");
        assertThat(item.get("generatedAt").asString()).isNotBlank();
        assertThat(item.get("currency").asString()).isEqualTo("USD");
      }
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(made.reversed()).doesNotContain(elsewhere);

    JsonNode approved = read(get("/api/batches").param("status", "APPROVED"), admin());
    assertThat(ids(approved)).containsExactly(made.get(2));
    assertThat(read(get("/api/batches"), tenantUser("admin-x", "t-" + UUID.randomUUID(), Role.ADMIN)).get("items"))
        .isEmpty();
  }

  @Test
  void page_sizes_are_capped_and_cursors_and_statuses_are_checked() throws Exception {
    String id = batch(tenant, T0, BatchStatus.GENERATED, 2, n -> "creator-" + n);
    for (var bad : List.of(get("/api/batches").param("limit", "201"), get("/api/batches").param("limit", "0"),
        get("/api/batches").param("cursor", "not-a-cursor"), get("/api/batches").param("status", "PAID"),
        get("/api/batches/" + id + "/lines").param("limit", "501"),
        get("/api/batches/" + id + "/lines").param("cursor", "bm90LWEtbGluZQ"))) {
      http.perform(bad.with(admin())).andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get("/api/batches").param("limit", "201").with(admin()))
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    read(get("/api/batches").param("limit", "200"), admin());
    read(get("/api/batches/" + id + "/lines").param("limit", "500"), admin());
  }

  @Test
  void a_batch_s_lines_are_paged_in_batch_order_with_masked_accounts() throws Exception {
    String id = batch(tenant, T0, BatchStatus.EXPORTED, 7, n -> "creator-" + n);
    List<String> lineIds = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = read(after(get("/api/batches/" + id + "/lines").param("limit", "3"), cursor), admin());
      sizes.add(page.get("items").size());
      for (JsonNode line : page.get("items")) {
        lineIds.add(line.get("id").asString());
        assertThat(line.get("account").asString()).isEqualTo("••••3000");
        assertThat(line.get("status").asString()).isEqualTo("PENDING");
        assertThat(line.get("creatorName").asString()).startsWith("Creator ");
      }
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(sizes).containsExactly(3, 3, 1);
    assertThat(lineIds).containsExactlyElementsOf(lineIdsOf(id, 7));
    // The default page holds them all.
    assertThat(read(get("/api/batches/" + id + "/lines"), admin()).get("items")).hasSize(7);
  }

  @Test
  void every_read_is_scoped_to_the_tenant_and_for_a_manager_to_their_pods_creators() throws Exception {
    String id = batch(tenant, T0, BatchStatus.GENERATED, 4, n -> "creator-" + n);
    String notTheirs = batch(tenant, T0.plusSeconds(60), BatchStatus.GENERATED, 2, n -> "stranger-" + n);
    pod("pod-a", "mgr-a", List.of("creator-1", "creator-3"));
    pod("pod-empty", "mgr-empty", List.of());
    RequestPostProcessor manager = tenantUser("mgr-a", tenant, Role.MANAGER);

    JsonNode listed = read(get("/api/batches"), manager);
    assertThat(ids(listed)).containsExactly(id);
    assertThat(listed.get("items").get(0).get("lineCount").asInt()).isEqualTo(2);
    assertThat(listed.get("items").get(0).get("total").decimalValue()).isEqualByComparingTo("20.00");
    JsonNode one = read(get("/api/batches/" + id), manager);
    assertThat(one.get("lineCount").asInt()).isEqualTo(2);
    assertThat(one.get("lines")).extracting(l -> l.get("creatorId").asString()).containsExactly("creator-1", "creator-3");
    JsonNode lines = read(get("/api/batches/" + id + "/lines").param("limit", "1"), manager);
    assertThat(lines.get("items").get(0).get("creatorId").asString()).isEqualTo("creator-1");
    JsonNode rest = read(get("/api/batches/" + id + "/lines").param("cursor", lines.get("nextCursor").asString()), manager);
    assertThat(rest.get("items")).extracting(l -> l.get("creatorId").asString()).containsExactly("creator-3");
    assertThat(rest.get("nextCursor").isNull()).isTrue();
    // A batch paying none of their creators, another tenant's reader, a manager of no pod: absent (404).
    for (String path : List.of("/api/batches/" + notTheirs, "/api/batches/" + notTheirs + "/lines")) {
      http.perform(get(path).with(manager)).andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    for (RequestPostProcessor stranger : List.of(tenantUser("admin-x", "t-" + UUID.randomUUID(), Role.ADMIN),
        tenantUser("mgr-a", "t-" + UUID.randomUUID(), Role.MANAGER), tenantUser("mgr-empty", tenant, Role.MANAGER),
        tenantUser("mgr-none", tenant, Role.MANAGER))) {
      for (String path : List.of("/api/batches/" + id, "/api/batches/" + id + "/lines")) {
        http.perform(get(path).with(stranger)).andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      }
    }
    assertThat(read(get("/api/batches"), tenantUser("mgr-empty", tenant, Role.MANAGER)).get("items")).isEmpty();
    // The ADMIN reads the whole batch.
    assertThat(read(get("/api/batches/" + id + "/lines"), admin()).get("items")).hasSize(4);
    assertThat(read(get("/api/batches/" + id), admin()).get("lineCount").asInt()).isEqualTo(4);
  }

  @Test
  void only_admins_managers_and_staff_under_a_grant_read_batches() throws Exception {
    String id = batch(tenant, T0, BatchStatus.GENERATED, 1, n -> "creator-" + n);
    for (String path : List.of("/api/batches", "/api/batches/" + id, "/api/batches/" + id + "/lines")) {
      for (RequestPostProcessor refused : List.of(tenantUser("creator-0", tenant, Role.CREATOR),
          staff("s-1", Role.SUPPORT_ENGINEER), staff("s-2", Role.SUPPORT_REVIEWER), staff("s-3", Role.PLATFORM_ADMIN),
          staff("s-4", Role.SECURITY_TRIAGE))) {
        http.perform(get(path).with(refused)).andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      }
      http.perform(get(path)).andExpect(status().isUnauthorized());
      http.perform(get(path).with(admin())).andExpect(status().isOk());
    }
  }

  @Test
  void a_batch_view_carries_its_lines_inline_up_to_a_thousand_and_names_where_they_are_paged() throws Exception {
    String small = batch(tenant, T0, BatchStatus.GENERATED, 1_000, n -> "creator-" + n);
    String large = batch(tenant, T0.plusSeconds(1), BatchStatus.GENERATED, 1_001, n -> "creator-" + n);
    JsonNode inline = read(get("/api/batches/" + small), admin());
    assertThat(inline.get("lines")).hasSize(1_000);
    assertThat(inline.get("lineCount").asInt()).isEqualTo(1_000);
    assertThat(inline.get("linesHref").asString()).isEqualTo("/api/batches/" + small + "/lines");
    JsonNode paged = read(get("/api/batches/" + large), admin());
    assertThat(paged.has("lines")).isFalse();
    assertThat(paged.get("lineCount").asInt()).isEqualTo(1_001);
    assertThat(paged.get("total").decimalValue()).isEqualByComparingTo("10010.00");
    assertThat(paged.get("linesHref").asString()).isEqualTo("/api/batches/" + large + "/lines");
  }

  /**
   * Issue 19: with a 10,000-line batch in the tenant, the list answered only after minutes, if at all, and took the
   * service down with OutOfMemoryError. Now the list and each page read a bounded amount, whatever the batch holds:
   * measured here as the bytes the request thread allocates (the list read no line, so it allocates about what a
   * list of one small batch does; a page of 500 lines, about 500 lines' worth).
   */
  @Test
  void a_ten_thousand_line_batch_is_listed_and_paged_without_reading_what_is_not_asked_for() throws Exception {
    String small = batch(tenant, T0, BatchStatus.GENERATED, 1, n -> "creator-" + n);
    read(get("/api/batches"), admin()); // warm: the first request of a path allocates what later ones do not
    long listOfOneSmall = allocated(() -> read(get("/api/batches"), admin()));
    String huge = batch(tenant, T0.plusSeconds(1), BatchStatus.GENERATED, 10_000, n -> "creator-" + n);

    long started = System.nanoTime();
    MvcResult listed = http.perform(get("/api/batches").with(admin())).andExpect(status().isOk()).andReturn();
    long listMillis = (System.nanoTime() - started) / 1_000_000;
    JsonNode list = JSON.readTree(listed.getResponse().getContentAsString());
    assertThat(ids(list)).containsExactly(huge, small);
    assertThat(list.get("items").get(0).get("lineCount").asInt()).isEqualTo(10_000);
    assertThat(list.get("items").get(0).get("total").decimalValue()).isEqualByComparingTo("100000.00");
    assertThat(listed.getResponse().getContentAsString().length()).as("bytes of the list").isLessThan(2_000);
    long listWithHuge = allocated(() -> read(get("/api/batches"), admin()));
    // 10,000 lines decoded would be tens of megabytes, even its 10,000 creator ids one or more; the list allocates
    // about what the list of one small batch does (measured: 232 kB against 225 kB).
    assertThat(listWithHuge).as("bytes allocated by the list (one small batch: %d)", listOfOneSmall)
        .isLessThan(listOfOneSmall + 500_000);

    JsonNode view = read(get("/api/batches/" + huge), admin());
    assertThat(view.has("lines")).isFalse();
    assertThat(view.get("lineCount").asInt()).isEqualTo(10_000);

    Set<String> lineIds = new HashSet<>();
    List<String> inOrder = new ArrayList<>();
    long largestPage = 0;
    String cursor = null;
    int pages = 0;
    do {
      String after = cursor;
      JsonNode[] page = new JsonNode[1];
      largestPage = Math.max(largestPage, allocated(() -> page[0] = read(after(get("/api/batches/" + huge + "/lines")
          .param("limit", "500"), after), admin())));
      page[0].get("items").forEach(l -> {
        lineIds.add(l.get("id").asString());
        inOrder.add(l.get("creatorId").asString());
      });
      cursor = page[0].get("nextCursor").isNull() ? null : page[0].get("nextCursor").asString();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(20);
    assertThat(lineIds).hasSize(10_000);
    assertThat(inOrder.getFirst()).isEqualTo("creator-0");
    assertThat(inOrder.getLast()).isEqualTo("creator-9999");
    // Measured: about 4.6 MB for a page of 500 lines, all of MockMvc, JSON and decoding included.
    assertThat(largestPage).as("bytes allocated by a page of 500 lines").isLessThan(15_000_000);
    System.out.printf("10,000-line batch: list %d ms, %d bytes allocated (one small batch: %d); largest page of 500 "
        + "lines %d bytes allocated%n", listMillis, listWithHuge, listOfOneSmall, largestPage);

    // A manager of two of its creators reads those two lines only.
    pod("pod-big", "mgr-big", List.of("creator-17", "creator-9001"));
    JsonNode managed = read(get("/api/batches/" + huge), tenantUser("mgr-big", tenant, Role.MANAGER));
    assertThat(managed.get("lineCount").asInt()).isEqualTo(2);
    assertThat(managed.get("lines")).extracting(l -> l.get("creatorId").asString())
        .containsExactly("creator-17", "creator-9001");
  }

  @Test
  void a_batch_view_stored_with_its_lines_inside_is_split_at_start() throws Exception {
    String id = "legacy-" + UUID.randomUUID();
    List<Document> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(new Document("_id", id + "-line-" + i).append("creatorId", "creator-" + i)
          .append("creatorName", "Creator " + i).append("amount", new org.bson.types.Decimal128(new BigDecimal("5.00")))
          .append("currency", "EUR").append("status", i == 0 ? "PAID" : "PENDING").append("account", "••••1234"));
    }
    mongo.insert(new Document("_id", id).append("tenantId", tenant).append("currency", "EUR").append("status", "EXPORTED")
        .append("generatedBy", "admin-1").append("generatedAt", java.util.Date.from(T0)).append("total",
            new org.bson.types.Decimal128(new BigDecimal("15.00"))).append("lines", lines), BatchViewDocument.COLLECTION);

    assertThat(legacy.splitAll()).isGreaterThanOrEqualTo(1);
    assertThat(legacy.splitAll()).isZero();

    Document summary = mongo.findById(id, Document.class, BatchViewDocument.COLLECTION);
    assertThat(summary).doesNotContainKey("lines").containsEntry("lineCount", 3);
    assertThat(summary.getList("creatorIds", String.class)).containsExactly("creator-0", "creator-1", "creator-2");
    JsonNode page = read(get("/api/batches/" + id + "/lines"), admin());
    assertThat(page.get("items")).extracting(l -> l.get("id").asString())
        .containsExactly(id + "-line-0", id + "-line-1", id + "-line-2");
    assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("PAID");
    assertThat(read(get("/api/batches"), admin()).get("items").get(0).get("lineCount").asInt()).isEqualTo(3);
  }

  // --- helpers ---

  /** A batch as the projection stores it: {@code count} lines of 10.00, line n paying {@code creatorOf(n)}. */
  private String batch(String tenantId, Instant at, BatchStatus status, int count, IntFunction<String> creatorOf) {
    String id = UUID.randomUUID().toString();
    List<BatchLineDocument> chunk = new ArrayList<>();
    List<String> creators = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      String creator = creatorOf.apply(n);
      if (!creators.contains(creator)) creators.add(creator);
      chunk.add(new BatchLineDocument(lineId(id, n), id, tenantId, n, BatchLineDocument.slot(id, n), creator,
          "Creator " + n, new BigDecimal("10.00"), "USD", LineStatus.PENDING, "••••3000"));
      if (chunk.size() == 1_000) {
        mongo.insert(chunk, BatchLineDocument.class);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) mongo.insert(chunk, BatchLineDocument.class);
    mongo.save(new BatchViewDocument(id, tenantId, "USD", status, "admin-gen", status == BatchStatus.GENERATED ? null
        : "admin-ok", at, null, new BigDecimal("10.00").multiply(BigDecimal.valueOf(count)), count, creators, null));
    return id;
  }

  /**
   * A pod as payout-service's tenancy projection stores it from {@code identity.pod.updated} (TenancyIT drives that
   * consumer; written directly here, these tests are about the reads, not about Kafka).
   */
  private void pod(String podId, String managerId, List<String> creators) {
    mongo.save(new PodDocument(PodDocument.idOf(tenant, podId), tenant, podId, managerId, creators,
        UUID.randomUUID().toString(), Instant.now()));
  }

  private static String lineId(String batchId, int n) {
    return batchId + "-" + n;
  }

  private static List<String> lineIdsOf(String batchId, int count) {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < count; n++) ids.add(lineId(batchId, n));
    return ids;
  }

  private RequestPostProcessor admin() {
    return tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  }

  private JsonNode read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      RequestPostProcessor caller) throws Exception {
    return JSON.readTree(http.perform(request.with(caller)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder after(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String cursor) {
    return cursor == null ? request : request.param("cursor", cursor);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }

  interface Request {
    void run() throws Exception;
  }

  /** Bytes this thread allocates while {@code request} runs (MockMvc serves it on this thread). */
  private static long allocated(Request request) throws Exception {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    request.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
