package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Account erasure end to end (DESIGN §6.6, issue 8), with the suite's short grace
 * ({@link Suite#DELETION_GRACE}): a creator with bank details and invoices asks for deletion; gmail-ingest-service
 * is down when the grace ends, so the erasure waits on it, visibly, for a PLATFORM_ADMIN; started again it
 * confirms, identity-service deletes the login, and nothing of the creator is left but aggregated invoice
 * figures and opaque ids in the audit log. A second creator who takes the deletion back keeps everything.
 */
class AccountErasureE2ETest {

  private static final String PLANTED_ACCOUNT = "000987654321";

  @Test
  void an_account_is_erased_everywhere_after_its_grace_even_with_a_service_down_and_a_reactivation_keeps_it() {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    String admin = api.token("admin@demo.claraop.dev");
    String platformAdmin = api.token("platform-admin@claraop.dev");

    Seeds.Login leaving = seeds.invitedCreatorWithLogin(admin);
    Seeds.Login staying = seeds.invitedCreatorWithLogin(admin);
    seeds.payoutProfile(admin, leaving.userId(), PLANTED_ACCOUNT);
    seeds.approvedInvoice("demo", leaving.userId(), "Erin Erased", "40.00", "SEK");
    seeds.approvedInvoice("demo", leaving.userId(), "Erin Erased", "2.50", "SEK");
    seeds.payoutProfile(admin, staying.userId());

    String leavingToken = api.token(leaving.username());
    String stayingToken = api.token(staying.username());
    Api.Response requested = api.post("/api/identity/account/deletion", leavingToken, "{}");
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    assertThat(api.post("/api/identity/account/deletion", stayingToken, "{}").status()).isEqualTo(202);
    assertThat(api.send(HttpRequest.newBuilder(URI.create(suite.gateway + "/api/identity/account/deletion"))
        .header("Authorization", "Bearer " + stayingToken).DELETE().build()).status()).isEqualTo(200);

    // gmail-ingest-service is down when the grace ends: the others erase and confirm, the erasure waits on it.
    suite.stop("gmail-ingest-service");
    try {
      JsonNode waiting = Awaitility.await().atMost(Suite.DELETION_GRACE.plusSeconds(60))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> erasureOf(api, platformAdmin, leaving.userId()), e -> e != null
              && confirmed(e, "identity") && confirmed(e, "payout") && confirmed(e, "access"));
      assertThat(waiting.get("status").asString()).isEqualTo("ERASING");
      assertThat(confirmed(waiting, "ingest")).isFalse();
      // The login is disabled from the moment identity erased; the account is not gone yet.
      assertThat(api.tokenStatus(leaving.username())).isIn(400, 401);
    } finally {
      suite.start("gmail-ingest-service");
    }

    long back = System.nanoTime();
    JsonNode erased = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(() -> erasureOf(api, platformAdmin, leaving.userId()), e -> "ERASED".equals(e.get("status").asString()));
    System.out.printf("erasure completed %d ms after gmail-ingest-service was back%n",
        Duration.ofNanos(System.nanoTime() - back).toMillis());
    for (String service : List.of("identity", "payout", "ingest", "access")) {
      assertThat(confirmed(erased, service)).as(service).isTrue();
    }

    // The Keycloak user is gone, and with it every way in.
    assertThat(keycloakUser(suite, api, leaving.userId())).isEqualTo(404);
    assertThat(api.tokenStatus(leaving.username())).isIn(400, 401);
    // payout-service holds no profile and no invoice of the creator: only the month's figures, without them.
    assertThat(api.get("/api/payout-profiles/" + leaving.userId(), admin).status()).isEqualTo(404);
    assertThat(api.get("/api/invoices", admin).body()).doesNotContain(leaving.userId());
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      List<String> found = new ArrayList<>();
      for (String name : mongo.listDatabaseNames()) {
        if (!name.startsWith("claraop-") || name.equals("claraop-audit") || name.equals("claraop-retention")) continue;
        MongoDatabase database = mongo.getDatabase(name);
        for (String collection : database.listCollectionNames()) {
          if (collection.equals("erasures")) continue; // each service's record of the erasure: ids and counts
          for (Document document : database.getCollection(collection).find()) {
            if (tombstone(document)) continue;
            String json = document.toJson();
            // payout's event store is append-only: it may name the creator's opaque id, beside ciphertext whose
            // key is shredded (DESIGN §5), but never anything readable of them.
            boolean idAllowed = collection.equals("domainevents");
            if ((!idAllowed && json.contains(leaving.userId())) || json.contains(leaving.username())
                || json.contains(PLANTED_ACCOUNT) || json.contains("Erin Erased")) {
              found.add(name + "." + collection + " " + document.get("_id"));
            }
          }
        }
      }
      assertThat(found).as("documents still naming the erased creator").isEmpty();
      Document sek = mongo.getDatabase("claraop-payout").getCollection("invoice_aggregates")
          .find(new Document("tenantId", "demo").append("currency", "SEK")).first();
      assertThat(sek).as("the creator's invoices, aggregated").isNotNull();
      assertThat(sek.get("count", Number.class).intValue()).isEqualTo(2);
      assertThat(new java.math.BigDecimal(String.valueOf(sek.get("total")))).isEqualByComparingTo("42.50");
    }

    // The audit log tells the erasure with opaque ids only, never the name or the email.
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      String entries = api.get("/api/audit/entries?resource=" + leaving.userId(), admin).body();
      assertThat(entries).contains("retention.erasure.requested", "payout.user-data.erased", "identity.account.deleted");
      assertThat(entries).doesNotContain(leaving.username(), "Erin Erased", PLANTED_ACCOUNT);
    });

    // The creator who took the deletion back within the grace keeps the login and the bank details.
    JsonNode kept = erasureOf(api, platformAdmin, staying.userId());
    assertThat(kept == null ? "none" : kept.get("status").asString()).isIn("none", "CANCELLED");
    assertThat(api.tokenStatus(staying.username())).isEqualTo(200);
    assertThat(api.get("/api/payout-profiles/" + staying.userId(), admin).status()).isEqualTo(200);
  }

  /**
   * What a service keeps of an erased account so that it is not brought back (identity's member and account
   * records, the shredded data keys' tombstones): ids and the time of the erasure, nothing else.
   */
  private static boolean tombstone(Document document) {
    if ("shredded".equals(document.get("state"))) return true; // a shredded data key: its subject id and the time
    java.util.Set<String> fields = new java.util.HashSet<>(document.keySet());
    fields.removeAll(List.of("_id", "outbox", "erasedAt", "status", "tenantId", "userId", "erasureId", "_class"));
    return document.containsKey("erasedAt") && fields.isEmpty();
  }

  /** The newest erasure of the user as a PLATFORM_ADMIN sees it, or null. */
  private static JsonNode erasureOf(Api api, String platformAdmin, String userId) {
    Api.Response list = api.get("/api/retention/erasures", platformAdmin);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode items = list.json().has("items") ? list.json().get("items") : list.json();
    for (JsonNode erasure : items) {
      if (erasure.get("userId").asString().equals(userId)) return erasure;
    }
    return null;
  }

  private static boolean confirmed(JsonNode erasure, String service) {
    JsonNode state = erasure.path("services").path(service);
    return state.isObject() && state.path("confirmedAt").isString();
  }

  private static int keycloakUser(Suite suite, Api api, String userId) {
    return api.send(HttpRequest.newBuilder(URI.create(suite.keycloak + "/admin/realms/claraop/users/" + userId))
        .header("Authorization", "Bearer " + api.keycloakAdminToken()).GET().build()).status();
  }
}
