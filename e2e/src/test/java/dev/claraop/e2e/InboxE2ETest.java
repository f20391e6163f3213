package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9's whole flow through the gateway over TLS with real Keycloak tokens: the demo ADMIN connects an inbox at the
 * Google stand-in (consent, callback carrying no token), asks for a sync, and the brand deals found in the mailbox
 * appear as DRAFT campaigns in payout-service, one per thread, which creators may not list.
 */
class InboxE2ETest {

  private static final String ADMIN = "admin@demo.claraop.dev";
  /** The stand-in's demo mailbox: 15 brand deals, one of them a follow-up in the thread of another. */
  private static final int DEAL_THREADS = 14;
  private static Suite suite;
  private static Api api;
  private static HttpClient browser;

  @BeforeAll
  static void suite() {
    suite = Suite.get();
    api = new Api(suite);
    browser = HttpClient.newBuilder().sslContext(api.sslContext()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void a_connected_and_synced_inbox_turns_its_brand_deals_into_draft_campaigns() throws Exception {
    String token = api.token(ADMIN);
    Api.Response connect = api.post("/api/inbox/connect", token, "");
    assertThat(connect.status()).isEqualTo(200);
    String authorizationUrl = connect.json().get("authorizationUrl").asString();
    assertThat(authorizationUrl).contains("gmail.readonly").contains("code_challenge_method=S256");

    // The browser at Google: a fresh stand-in account (its own seeded mailbox), consent, redirect back.
    String account = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.claraop.dev";
    HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl + "&login_hint="
        + URLEncoder.encode(account, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(consent.statusCode()).isEqualTo(302);
    URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/api/inbox/oauth/callback");
    // The redirect URI names the devstack's default gateway; this suite's gateway listens elsewhere.
    HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(URI.create(suite.gateway + back.getRawPath()
        + "?" + back.getRawQuery())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(303);
    String landing = callback.headers().firstValue("Location").orElseThrow();
    String mailbox = landing.replaceAll(".*[?&]connected=([^&]+).*", "$1");
    assertThat(mailbox).isNotBlank().isNotEqualTo(landing);

    assertThat(api.post("/api/inbox/" + mailbox + "/sync", token, "").status()).isEqualTo(202);
    List<JsonNode> drafts = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> drafts(token, mailbox), found -> found.size() >= DEAL_THREADS);
    assertThat(drafts).hasSize(DEAL_THREADS);
    assertThat(drafts).allSatisfy(d -> {
      assertThat(d.get("status").asString()).isEqualTo("DRAFT");
      assertThat(d.get("cues").size()).isPositive();
    });
    assertThat(drafts).extracting(d -> d.get("brandDomain").asString()).contains("lumen-skincare.example");

    // a creator reads the campaigns they invoiced, never a draft
    Api.Response creatorView = api.get("/api/campaigns", api.token("creator1@demo.claraop.dev"));
    assertThat(creatorView.status()).isEqualTo(200);
    assertThat(creatorView.json().get("items")).noneMatch(c -> "DRAFT".equals(c.get("status").asString()));
  }

  private static List<JsonNode> drafts(String token, String mailbox) {
    Api.Response listed = api.get("/api/campaigns", token);
    assertThat(listed.status()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode item : listed.json().get("items")) {
      if (item.path("mailboxId").isString() && mailbox.equals(item.get("mailboxId").asString())) found.add(item);
    }
    return found;
  }
}
