package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix (DESIGN §3, §8; issue 3) as data: {@code authorization-matrix.csv} names, for every
 * route the gateway forwards, the status each kind of caller gets. Every cell is one request through the
 * real gateway over TLS with a real Keycloak token (one token per caller), against resources made here first.
 * A route the services serve that the matrix lacks fails {@link #every_routed_operation_of_the_services_is_in_the_matrix};
 * a known gap (today's answer contradicts DESIGN) is checked for today's answer and reported as skipped.
 */
class AuthorizationMatrixE2ETest {

  private static final String MATRIX = "/authorization-matrix.csv";
  private static final String DEMO = "demo";
  private static final String ACTING_TENANT = "X-Acting-Tenant";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static Suite suite;
  private static Api api;
  private static Seeds seeds;
  /** Caller name → its token (null: anonymous) and the acting tenant it sends (null: none). */
  private static final Map<String, Caller> callers = new LinkedHashMap<>();
  /** Placeholder → fixed resource id made in {@link #resources()}. */
  private static final Map<String, String> resources = new LinkedHashMap<>();
  private static final List<String> gapsSeen = new ArrayList<>();
  private static final AtomicInteger casesRun = new AtomicInteger();

  record Caller(String token, String actingTenant) {}

  record Cell(int expected, Integer designWants) {
    boolean gap() {
      return designWants != null;
    }
  }

  record Row(String method, String path, Map<String, Cell> cells) {
    String route() {
      return method + " " + path;
    }
  }

  @BeforeAll
  static void resources() throws Exception {
    suite = Suite.get();
    api = new Api(suite);
    seeds = new Seeds(suite, api);
    String admin = api.token("admin@demo.claraop.dev");

    // A second manager in demo, for pod-b with creator2 (pod-a holds creator1 and belongs to manager@demo).
    String manager2 = "manager-" + RUN + "@demo.e2e.claraop.dev";
    String manager2Id = seeds.tenantUser(DEMO, manager2, "MANAGER");
    resources.put("pod", "pod-b-" + RUN);
    resources.put("manager-other-pod", manager2Id);
    expect(send("PUT", "/api/identity/pods/" + resources.get("pod"), admin, null, podBody()), 200, "pod-b");

    // Delegated operators: users of `other`, let into demo as ADMIN by demo's ADMIN through identity-service.
    String delegate = "operator-" + RUN + "@other.e2e.claraop.dev";
    String expiredDelegate = "operator-expired-" + RUN + "@other.e2e.claraop.dev";
    String delegateId = seeds.tenantUser("other", delegate, "CREATOR");
    String expiredDelegateId = seeds.tenantUser("other", expiredDelegate, "CREATOR");
    approveDelegation(admin, delegateId, Instant.now().plus(Duration.ofHours(1)));
    Instant expiry = Instant.now().plusSeconds(3);
    approveDelegation(admin, expiredDelegateId, expiry);
    String expiredToken = api.token(expiredDelegate);
    // The entry must still be in the token: the refusal below is then the services' clock check, not Keycloak's.
    assertThat(claims(expiredToken).get("delegations").toString()).contains("demo:ADMIN:" + expiry.getEpochSecond() + ":");
    // A user of a third tenant for POST /api/identity/delegations, and a delegation of theirs to revoke.
    String outsiderId = seeds.tenantUser("mx-" + RUN, "outsider-" + RUN + "@mx.e2e.claraop.dev", "CREATOR");
    resources.put("outsider", outsiderId);
    resources.put("delegation", approveDelegation(admin, outsiderId, Instant.now().plus(Duration.ofHours(1))));

    // Batches: bank details for both demo creators (set by the ADMIN), then {batch} from their invoices,
    // {batch-to-cancel} from one more, and one more invoice for POST /api/batches to take.
    seeds.payoutProfile(admin, Seeds.CREATOR_1);
    seeds.payoutProfile(admin, Seeds.CREATOR_2);
    seeds.approvedInvoice(DEMO, Seeds.CREATOR_1, "Cleo Creator", "31.00");
    seeds.approvedInvoice(DEMO, Seeds.CREATOR_2, "Cody Maker", "32.00");
    JsonNode batch = expect(send("POST", "/api/batches", admin, null, "{\"currency\":\"USD\"}"), 201, "batch").json();
    resources.put("batch", batch.get("id").asString());
    for (JsonNode line : batch.get("lines")) {
      resources.put(line.get("creatorId").asString().equals(Seeds.CREATOR_1) ? "line-paid" : "line-failed",
          line.get("id").asString());
    }
    assertThat(resources).containsKeys("line-paid", "line-failed");
    seeds.approvedInvoice(DEMO, Seeds.CREATOR_1, "Cleo Creator", "33.00");
    resources.put("batch-to-cancel",
        expect(send("POST", "/api/batches", admin, null, "{\"currency\":\"USD\"}"), 201, "batch").json().get("id").asString());
    seeds.approvedInvoice(DEMO, Seeds.CREATOR_2, "Cody Maker", "34.00");
    resources.put("creator", Seeds.CREATOR_1);
    // Invoices: two submitted by creator1 (pod-a), in a currency no batch here pays, to approve and to reject.
    String creatorToken = api.token("creator1@demo.claraop.dev");
    for (String invoice : List.of("invoice", "invoice-to-reject")) {
      resources.put(invoice, expect(send("POST", "/api/invoices", creatorToken, null, INVOICE), 201, "invoice").json()
          .get("id").asString());
    }
    // {campaign}: made by hand by the ADMIN and invoiced by creator1 only (also in SEK), so a single read answers the
    // creator who invoiced it and 404 to the one who did not.
    resources.put("campaign", expect(send("POST", "/api/campaigns", admin, null, "{\"name\":\"Matrix campaign " + RUN
        + "\",\"brand\":\"Matrix brand\"}"), 201, "campaign").json().get("id").asString());
    expect(send("POST", "/api/invoices", creatorToken, null, "{\"campaignId\":\"" + resources.get("campaign")
        + "\",\"amount\":13.00,\"currency\":\"SEK\"}"), 201, "invoice of {campaign}");
    // No mailbox is connected in this suite (connecting takes Google's consent screen): the inbox routes that
    // name one are checked for who is let through to the lookup (404) and who is refused before it.
    resources.put("unknown-mailbox", "mailbox-" + RUN);

    // Support access on demo, asked for by a SUPPORT_ENGINEER of this test, so support@claraop.dev holds no grant.
    String engineer = "support-" + RUN + "@e2e.claraop.dev";
    seeds.tenantUser(null, engineer, "SUPPORT_ENGINEER");
    String engineerToken = api.token(engineer);
    resources.put("request-to-approve", accessRequest(engineerToken, "mx-" + RUN + "-1"));
    resources.put("request-to-deny", accessRequest(engineerToken, "mx-" + RUN + "-2"));
    String grant = accessRequest(engineerToken, "mx-" + RUN + "-3");
    JsonNode consented = expect(send("POST", "/api/support-access/requests/" + grant + "/approve", admin, null, null), 200,
        "consent").json();
    if (!consented.get("status").asString().equals("ACTIVE")) {
      expect(send("POST", "/api/support-access/requests/" + grant + "/approve", api.token("reviewer@claraop.dev"), null,
          null), 200, "review");
    }
    resources.put("grant", grant);
    resources.put("ticket", "mx-" + RUN + "-4");
    accessRequest(engineerToken, resources.get("ticket"));

    // One token per caller, taken last so none is near its end while the matrix runs.
    callers.put("anonymous", new Caller(null, null));
    callers.put("creator-own", new Caller(api.token("creator1@demo.claraop.dev"), null));
    callers.put("creator-other", new Caller(api.token("creator2@demo.claraop.dev"), null));
    callers.put("manager-pod", new Caller(api.token("manager@demo.claraop.dev"), null));
    callers.put("manager-other-pod", new Caller(api.token(manager2), null));
    callers.put("admin", new Caller(api.token("admin@demo.claraop.dev"), null));
    String otherAdmin = api.token("admin@other.claraop.dev");
    callers.put("admin-other-tenant", new Caller(otherAdmin, null));
    callers.put("acting-unlisted", new Caller(otherAdmin, DEMO));
    callers.put("delegate-valid", new Caller(api.token(delegate), DEMO));
    callers.put("delegate-expired", new Caller(expiredToken, DEMO));
    callers.put("support-no-grant", new Caller(api.token("support@claraop.dev"), null));
    callers.put("platform-admin", new Caller(api.token("platform-admin@claraop.dev"), null));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
  }

  @AfterAll
  static void summary() {
    System.out.printf("authorization matrix: %d cases run over %d routes, %d known gaps%n", casesRun.get(),
        rows().size(), gapsSeen.size());
    gapsSeen.forEach(gap -> System.out.println("  known gap: " + gap));
  }

  @TestFactory
  Stream<DynamicTest> every_caller_gets_the_status_the_matrix_names_on_every_route() {
    List<Row> rows = rows();
    Map<String, String> reasons = gapReasons();
    assertThat(rows.size() * callers.size()).as("cases").isGreaterThanOrEqualTo(150);
    return rows.stream().flatMap(row -> row.cells().entrySet().stream().map(cell -> DynamicTest.dynamicTest(
        row.route() + " as " + cell.getKey() + " -> " + cell.getValue().expected(),
        () -> check(row, cell.getKey(), cell.getValue(), reasons))));
  }

  private static void check(Row row, String callerName, Cell cell, Map<String, String> reasons) {
    Caller caller = callers.get(callerName);
    String path = resolve(row.path());
    Api.Response response = send(row.method(), path, caller.token(), caller.actingTenant(), body(row));
    casesRun.incrementAndGet();
    String key = row.route() + " " + callerName;
    if (cell.gap() && response.status() == cell.designWants()) {
      throw new AssertionError("known gap closed: " + key + " now answers " + response.status()
          + " as DESIGN wants; write " + response.status() + " in the matrix and remove its gap line");
    }
    assertThat(response.status()).as("%s %s as %s: %s", row.method(), path, callerName, response.body())
        .isEqualTo(cell.expected());
    if (response.status() >= 400) {
      assertThat(response.contentType()).as("%s as %s", key, callerName).startsWith("application/problem+json");
    }
    if (cell.gap()) {
      String gap = key + " answers " + cell.expected() + ", DESIGN wants " + cell.designWants() + ": " + reasons.get(key);
      gapsSeen.add(gap);
      throw new TestAbortedException("known gap: " + gap);
    }
  }

  /**
   * Every operation a service documents in its OpenAPI description is either in the matrix (when a gateway
   * route forwards it) or unreachable through the gateway; and every route of the matrix is one a service
   * serves. The gateway's routes are read from its configuration, so a new route prefix is caught too.
   */
  @Test
  void every_routed_operation_of_the_services_is_in_the_matrix() throws IOException {
    List<String> routed = gatewayRoutePrefixes();
    assertThat(routed).as("gateway route predicates").contains("/api/batches/", "/api/identity/", "/api/public/");
    Set<String> served = new TreeSet<>();
    Set<String> unrouted = new TreeSet<>();
    for (Map.Entry<String, String> service : suite.services.entrySet()) {
      JsonNode paths = Api.JSON.readTree(api.send(HttpRequest.newBuilder(URI.create(service.getValue() + "/v3/api-docs"))
          .GET().build()).body()).get("paths");
      assertThat(paths).as(service.getKey() + " OpenAPI").isNotNull();
      for (String path : paths.propertyNames()) {
        for (String method : paths.get(path).propertyNames()) {
          String operation = method.toUpperCase(Locale.ROOT) + " " + template(path);
          if (routed.stream().anyMatch(prefix -> (path + "/").startsWith(prefix))) served.add(operation);
          else unrouted.add(operation);
        }
      }
    }
    Set<String> inMatrix = new TreeSet<>();
    rows().forEach(row -> inMatrix.add(row.method() + " " + template(row.path())));
    assertThat(inMatrix).as("routes in the matrix (missing ones fail: add a row)").containsAll(served);
    assertThat(served).as("matrix routes no service serves (stale rows)").containsAll(inMatrix);
    System.out.printf("authorization matrix covers %d routes: %s%n", inMatrix.size(), inMatrix);
    // What no gateway route forwards (payout's /internal purge for retention-service) stays unreachable.
    String admin = api.token("admin@demo.claraop.dev");
    for (String operation : unrouted) {
      String[] parts = operation.split(" ", 2);
      Api.Response response = send(parts[0], parts[1].replace("{}", "x"), admin, null, "{}");
      assertThat(response.status()).as(operation + " through the gateway").isEqualTo(404);
    }
  }

  // ---- the matrix file ----

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    for (String line : lines()) {
      if (line.startsWith("gap:")) continue;
      String[] fields = line.split(",", -1);
      if (header == null) {
        header = List.of(fields);
        assertThat(header.subList(2, header.size())).as("caller columns").containsExactlyElementsOf(callerNames());
        continue;
      }
      assertThat(fields).as(line).hasSize(header.size());
      Map<String, Cell> cells = new LinkedHashMap<>();
      for (int i = 2; i < fields.length; i++) {
        if (fields[i].equals("-")) continue;
        String[] today = fields[i].split(">");
        cells.put(header.get(i), new Cell(Integer.parseInt(today[0]), today.length > 1 ? Integer.parseInt(today[1]) : null));
      }
      rows.add(new Row(fields[0], fields[1], cells));
    }
    return rows;
  }

  /** Every gap cell has its reason and every reason its gap cell: a gap is never silent. */
  private static Map<String, String> gapReasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    Pattern gap = Pattern.compile("gap: (\\S+ \\S+ \\S+): (.+)");
    for (String line : lines()) {
      if (!line.startsWith("gap:")) continue;
      Matcher m = gap.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      reasons.put(m.group(1), m.group(2));
    }
    Set<String> gapCells = new LinkedHashSet<>();
    rows().forEach(row -> row.cells().forEach((caller, cell) -> {
      if (cell.gap()) gapCells.add(row.route() + " " + caller);
    }));
    assertThat(reasons.keySet()).as("gap reasons").containsExactlyInAnyOrderElementsOf(gapCells);
    return reasons;
  }

  private static List<String> lines() {
    try (InputStream in = AuthorizationMatrixE2ETest.class.getResourceAsStream(MATRIX)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> callerNames() {
    return List.of("anonymous", "creator-own", "creator-other", "manager-pod", "manager-other-pod", "admin",
        "admin-other-tenant", "acting-unlisted", "delegate-valid", "delegate-expired", "support-no-grant",
        "platform-admin");
  }

  /** {@code /api/batches/{id}/approve} and {@code /api/batches/{batch}/approve} are one route. */
  private static String template(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }

  private static String resolve(String path) {
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String id = resources.get(m.group(1));
      if (id == null) throw new IllegalStateException("no resource for {" + m.group(1) + "}");
      m.appendReplacement(out, Matcher.quoteReplacement(id));
    }
    return m.appendTail(out).toString();
  }

  private static final String INVOICE = "{\"campaignId\":\"demo-campaign-1\",\"amount\":12.00,\"currency\":\"SEK\"}";

  /** Valid bodies, so that a refusal is about the caller, never about the input; unique values per request. */
  private static String body(Row row) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return switch (row.method() + " " + row.path()) {
      case "POST /api/identity/tenants" -> "{\"tenantId\":\"mx-" + unique + "\",\"name\":\"Matrix " + unique
          + "\",\"adminEmail\":\"admin@mx-" + unique + ".e2e.claraop.dev\"}";
      case "POST /api/identity/users" -> "{\"email\":\"invitee-" + unique + "@e2e.claraop.dev\",\"role\":\"CREATOR\"}";
      case "PUT /api/identity/pods/{pod}" -> podBody();
      case "POST /api/identity/delegations" -> delegationBody(resources.get("outsider"), Instant.now().plus(Duration.ofHours(1)));
      case "POST /api/batches" -> "{\"currency\":\"USD\"}";
      case "POST /api/batches/{batch}/export" -> "{\"purpose\":\"authorization matrix\",\"format\":\"CSV\"}";
      case "POST /api/batches/{batch}/lines/{line-failed}/failed", "POST /api/batches/{batch-to-cancel}/cancel" ->
          "{\"reason\":\"authorization matrix\"}";
      case "PUT /api/payout-profiles/{creator}" -> """
          {"accountHolder":"Matrix Creator","country":"US","currency":"USD","accountNumber":"000123456789",
           "routingCode":"011000015"}""";
      case "POST /api/campaigns" -> "{\"name\":\"Matrix " + unique + "\",\"brand\":\"Matrix brand\"}";
      case "POST /api/invoices" -> INVOICE;
      case "POST /api/invoices/{invoice-to-reject}/reject" -> "{\"reason\":\"authorization matrix\"}";
      case "POST /api/audit/verify" -> "{\"digests\":[]}";
      case "POST /api/support-access/requests" -> accessRequestBody("mx-" + unique);
      case "POST /api/support-access/requests/{request-to-deny}/deny" -> "{\"reason\":\"not during the audit\"}";
      case "POST /api/public/contact" -> "{\"email\":\"matrix@example.com\",\"topic\":\"SALES\",\"message\":\"Hello there\"}";
      case "POST /api/public/security-report" ->
          "{\"email\":\"matrix@example.com\",\"summary\":\"Matrix check\",\"details\":\"Nothing to report, a test.\"}";
      default -> null;
    };
  }

  private static String podBody() {
    return "{\"name\":\"Pod B\",\"managerId\":\"" + resources.get("manager-other-pod") + "\",\"creatorIds\":[\""
        + Seeds.CREATOR_2 + "\"]}";
  }

  private static String delegationBody(String userId, Instant expiresAt) {
    return "{\"userId\":\"" + userId + "\",\"role\":\"ADMIN\",\"expiresAt\":\"" + expiresAt + "\"}";
  }

  private static String approveDelegation(String adminToken, String userId, Instant expiresAt) {
    return expect(send("POST", "/api/identity/delegations", adminToken, null, delegationBody(userId, expiresAt)), 201,
        "delegation").json().get("id").asString();
  }

  private static String accessRequestBody(String ticket) {
    return "{\"tenantId\":\"demo\",\"reason\":\"SUPPORT_TICKET\",\"ticketId\":\"" + ticket + "\",\"scopes\":[\"PAYOUTS_READ\"],"
        + "\"justification\":\"Checking the authorization matrix\",\"durationMinutes\":30}";
  }

  private static String accessRequest(String engineerToken, String ticket) {
    return expect(send("POST", "/api/support-access/requests", engineerToken, null, accessRequestBody(ticket)), 201,
        "access request").json().get("id").asString();
  }

  private static List<String> gatewayRoutePrefixes() throws IOException {
    Path root = Path.of(System.getProperty("claraop.root", "..")).toAbsolutePath().normalize();
    String config = Files.readString(root.resolve("gateway/src/main/resources/application.yml"));
    List<String> prefixes = new ArrayList<>();
    Matcher m = Pattern.compile("\"Path=([^\"]+)\"").matcher(config);
    while (m.find()) {
      for (String pattern : m.group(1).split(",")) {
        if (pattern.endsWith("/**")) prefixes.add(pattern.substring(0, pattern.length() - 2));
      }
    }
    return prefixes;
  }

  private static Map<?, ?> claims(String token) {
    return Api.JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
  }

  private static Api.Response send(String method, String path, String token, String actingTenant, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "application/json");
    if (token != null) request.header("Authorization", "Bearer " + token);
    if (actingTenant != null) request.header(ACTING_TENANT, actingTenant);
    return api.send(request.build());
  }

  private static Api.Response expect(Api.Response response, int status, String what) {
    if (response.status() != status) {
      throw new IllegalStateException(what + " not made: " + response.status() + " " + response.body());
    }
    return response;
  }
}
