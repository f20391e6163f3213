package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10's staff access, through the real gateway over TLS with real Keycloak tokens: an engineer asks, the
 * tenant's ADMIN consents, the engineer reads payout batches under {@code X-Support-Grant}, audit-service shows the
 * read in the ADMIN's access-transparency view (who, why, which ticket, who approved), the ticket closes and the
 * next read is refused within the stated bound (platform-security's grant cache, 5 s by default).
 */
class SupportAccessE2ETest {

  private static final String ADMIN = "admin@demo.claraop.dev";
  private static final String GRANT_HEADER = "X-Support-Grant";
  /** {@code claraop.support-access.grant-cache-ttl}'s default: how long an ended grant may still be honoured. */
  private static final Duration BOUND = Duration.ofSeconds(5);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static Suite suite;
  private static Api api;
  private static Seeds seeds;
  private static String engineer;
  private static String engineerId;

  @BeforeAll
  static void suite() {
    suite = Suite.get();
    api = new Api(suite);
    seeds = new Seeds(suite, api);
    engineer = "support-sa-" + RUN + "@e2e.claraop.dev";
    engineerId = seeds.tenantUser(null, engineer, "SUPPORT_ENGINEER");
  }

  @Test
  void request_consent_read_audit_transparency_close_and_refusal() {
    String staff = api.token(engineer);
    String admin = api.token(ADMIN);
    String ticket = "SUP-E2E-" + RUN;
    String grant = request(staff, ticket, "PAYOUTS_READ", null).json().get("id").asString();

    // Nobody approves their own request; until someone else does, the grant admits nothing.
    assertThat(api.post("/api/support-access/requests/" + grant + "/approve", staff, "").status()).isEqualTo(403);
    assertThat(read("/api/batches", staff, grant).status()).isEqualTo(403);

    JsonNode consented = api.post("/api/support-access/requests/" + grant + "/approve", admin, "").json();
    assertThat(consented.get("status").asString()).isEqualTo("ACTIVE");

    // The read: in the grant's tenant, masked like the ADMIN's; staff without the header see nothing.
    Api.Response batches = read("/api/batches", staff, grant);
    assertThat(batches.status()).as(batches.body()).isEqualTo(200);
    assertThat(batches.json().get("items")).isNotNull();
    assertThat(api.get("/api/batches", staff).status()).isEqualTo(403);

    // Reads only, within the grant's scopes, by its own holder only.
    assertThat(send("POST", "/api/batches", staff, grant, "{\"currency\":\"USD\"}").status()).isEqualTo(403);
    assertThat(read("/api/inbox", staff, grant).status()).isEqualTo(403);
    assertThat(read("/api/batches", api.token("support@claraop.dev"), grant).status()).isEqualTo(403);

    // The ADMIN sees who read what, why, under which ticket, approved by whom.
    String adminId = subject(admin);
    JsonNode seen = Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
        .until(() -> staffRead(admin, grant, "/api/batches", "200"), found -> found != null);
    assertThat(seen.get("who").asString()).isEqualTo(engineerId);
    assertThat(seen.get("reason").asString()).isEqualTo("SUPPORT_TICKET");
    assertThat(seen.get("ticketId").asString()).isEqualTo(ticket);
    assertThat(seen.get("approvedBy").asString()).isEqualTo(adminId);
    assertThat(seen.get("method").asString()).isEqualTo("GET");
    assertThat(seen.get("when").asString()).isNotBlank();
    // The refused reads under the grant are there too, as refusals.
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
        .until(() -> staffRead(admin, grant, "/api/inbox", "403"), found -> found != null);
    // The engineer does not read the log, grant or not.
    assertThat(read("/api/audit/access-transparency", staff, grant).status()).isEqualTo(403);

    // The ticket closes: within the bound the next read is refused, and stays refused.
    assertThat(api.post("/api/support-access/tickets/" + ticket + "/close", staff, "").status()).isEqualTo(200);
    long closedAt = System.nanoTime();
    Awaitility.await().atMost(BOUND.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> read("/api/batches", staff, grant).status() == 403);
    Duration refusedAfter = Duration.ofNanos(System.nanoTime() - closedAt);
    System.out.printf("support grant refused %d ms after its ticket closed (bound %d s)%n", refusedAfter.toMillis(),
        BOUND.toSeconds());
    assertThat(read("/api/batches", staff, grant).status()).isEqualTo(403);
  }

  @Test
  void email_content_needs_a_basis_and_no_tenant_role_reads_a_message_body() {
    String staff = api.token(engineer);
    Api.Response noBasis = request(staff, "SUP-E2E-MAIL-" + RUN, "EMAIL_CONTENT_READ", null);
    assertThat(noBasis.status()).as(noBasis.body()).isEqualTo(400);
    assertThat(noBasis.contentType()).contains("application/problem+json");
    assertThat(api.get("/api/inbox/any/messages/any/content", api.token(ADMIN)).status()).isEqualTo(403);
  }

  private static Api.Response request(String staff, String ticket, String scope, String basis) {
    return api.post("/api/support-access/requests", staff, "{\"tenantId\":\"demo\",\"reason\":\"SUPPORT_TICKET\","
        + "\"ticketId\":\"" + ticket + "\",\"scopes\":[\"" + scope + "\"],"
        + "\"justification\":\"Customer asks why a batch total differs from its invoices\",\"durationMinutes\":30"
        + (basis == null ? "" : ",\"basis\":\"" + basis + "\"") + "}");
  }

  private static Api.Response read(String path, String token, String grant) {
    return send("GET", path, token, grant, null);
  }

  private static Api.Response send(String method, String path, String token, String grant, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway + path))
        .header("Authorization", "Bearer " + token).header(GRANT_HEADER, grant)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) request.header("Content-Type", "application/json");
    return api.send(request.build());
  }

  /** The transparency entry of the staff read of {@code resource} under {@code grant} answered {@code status}. */
  private static JsonNode staffRead(String admin, String grant, String resource, String status) {
    Api.Response page = api.get("/api/audit/access-transparency?limit=500", admin);
    assertThat(page.status()).isEqualTo(200);
    for (JsonNode item : page.json().get("items")) {
      if (grant.equals(item.path("grantId").asString()) && "access.staff-read".equals(item.path("action").asString())
          && resource.equals(item.path("what").path("id").asString()) && status.equals(item.path("status").asString())) {
        return item;
      }
    }
    return null;
  }

  private static String subject(String token) {
    Map<?, ?> claims = Api.JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
    return (String) claims.get("sub");
  }
}
