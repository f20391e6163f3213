package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3: "expired or revoked means no access", learnt from identity.events within seconds, without a new token.
 * Through the real gateway with Keycloak's tokens: an operator's token carries a delegation into demo; the demo ADMIN
 * revokes it (DELETE /api/identity/delegations/{id}); the very same token, still valid for minutes and still carrying
 * the entry, is refused in every service that serves it (payout, identity, gmail-ingest, support-access, retention),
 * while it keeps working for the operator in their own tenant.
 */
class DelegationRevocationE2ETest {

  private static final String DEMO = "demo";
  private static final String ACTING_TENANT = "X-Acting-Tenant";
  /** One delegated read per service whose platform chain or own chain admits a delegated ADMIN (authorization matrix). */
  private static final List<String> DELEGATED_READS = List.of(
      "/api/batches", "/api/identity/pods", "/api/inbox", "/api/support-access/grants", "/api/retention/runs");

  @Test
  void a_revoked_delegation_refuses_the_same_token_within_seconds_in_every_service() {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String admin = api.token("admin@demo.claraop.dev");

    String operatorName = "revoked-operator-" + run + "@other.e2e.claraop.dev";
    String operatorId = seeds.tenantUser("other", operatorName, "CREATOR");
    Api.Response approved = api.post("/api/identity/delegations", admin, "{\"userId\":\"" + operatorId
        + "\",\"role\":\"ADMIN\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(201);
    String delegation = approved.json().get("id").asString();

    String operator = api.token(operatorName); // the one token the operator uses throughout
    JsonNode claims = claims(operator);
    assertThat(claims.get("delegations").toString()).contains("demo:ADMIN:").contains(":" + delegation);
    for (String path : DELEGATED_READS) {
      // A service just (re)started refuses every delegation until it has read identity.events to its end.
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(delegated(api, suite, path, operator).status()).as("delegated " + path).isEqualTo(200));
    }

    long revokedAt = System.nanoTime();
    Api.Response revoked = api.send(HttpRequest.newBuilder(URI.create(suite.gateway + "/api/identity/delegations/" + delegation))
        .header("Authorization", "Bearer " + admin).DELETE().build());
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);

    Map<String, Long> refusedAfter = new LinkedHashMap<>();
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
      for (String path : DELEGATED_READS) {
        if (!refusedAfter.containsKey(path) && delegated(api, suite, path, operator).status() == 403) {
          refusedAfter.put(path, Duration.ofNanos(System.nanoTime() - revokedAt).toMillis());
        }
      }
      return refusedAfter.size() == DELEGATED_READS.size();
    });
    refusedAfter.forEach((path, ms) ->
        System.out.printf("delegation revoked: the same token is refused on %s %d ms after the revocation%n", path, ms));

    // Refused for the revocation, not for the token: it is still valid and still carries the entry.
    assertThat(Instant.ofEpochSecond(claims.get("exp").asLong())).isAfter(Instant.now());
    Api.Response refused = delegated(api, suite, "/api/batches", operator);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    // The operator keeps their own tenant with the same token: a CREATOR of `other` reads its campaigns.
    assertThat(api.get("/api/campaigns", operator).status()).isEqualTo(200);
    // Keycloak no longer puts the entry in a new token either.
    String fresh = api.token(operatorName);
    assertThat(claims(fresh).path("delegations").toString()).doesNotContain(delegation);
    assertThat(delegated(api, suite, "/api/batches", fresh).status()).isEqualTo(403);
  }

  private static Api.Response delegated(Api api, Suite suite, String path, String token) {
    return api.send(HttpRequest.newBuilder(URI.create(suite.gateway + path)).header("Authorization", "Bearer " + token)
        .header(ACTING_TENANT, DEMO).timeout(Duration.ofSeconds(10)).GET().build());
  }

  private static JsonNode claims(String token) {
    return Api.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }
}
