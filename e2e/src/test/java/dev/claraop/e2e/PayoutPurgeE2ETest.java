package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8's purge, end to end through the gateway with the suite's short periods (payout and retention both keep a
 * closed batch's bank details {@link Suite#PURGE_AFTER}): a batch paid in full is purged by a tenant ADMIN's run,
 * keeps its summary, loses its account fields and its data key, refuses export, and is audited.
 */
class PayoutPurgeE2ETest {

  private static final String PLANTED_ACCOUNT = "000123456789"; // what Seeds.payoutProfile stores

  @Test
  void a_closed_batch_is_purged_after_the_period_and_keeps_only_its_summary() {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    String tenant = "purge-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = api.token(seeds.tenantAdmin(tenant));
    String approverName = "approver@" + tenant + ".e2e.claraop.dev";
    seeds.tenantUser(tenant, approverName, "ADMIN");
    String approver = api.token(approverName);
    String creator = seeds.invitedCreator(admin);
    seeds.payoutProfile(admin, creator);
    seeds.approvedInvoice(tenant, creator, "Pia Purge", "75.00");

    Api.Response generated = api.post("/api/batches", admin, "{\"currency\":\"USD\"}");
    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    String batch = generated.json().get("id").asString();
    String line = generated.json().get("lines").get(0).get("id").asString();
    assertThat(api.post("/api/batches/" + batch + "/approve", approver, "{}").status()).isEqualTo(204);
    Api.Response exported = api.post("/api/batches/" + batch + "/export", admin,
        "{\"purpose\":\"Monthly creator payouts\",\"format\":\"CSV\"}");
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.body()).contains(PLANTED_ACCOUNT); // the bank file is the one place it is decrypted
    assertThat(api.post("/api/batches/" + batch + "/lines/" + line + "/paid", admin, "{}").status()).isEqualTo(204);
    Awaitility.await().atMost(Duration.ofSeconds(15))
        .until(() -> "FULLY_PAID".equals(api.get("/api/batches/" + batch, admin).json().get("status").asString()));

    // Another tenant's ADMIN runs a purge: it touches only their own tenant.
    String otherAdmin = api.token(seeds.tenantAdmin("purge-other-" + UUID.randomUUID().toString().substring(0, 8)));
    Api.Response otherRun = api.post("/api/cron/run-payout-purge", otherAdmin, "{}");
    assertThat(otherRun.status()).isEqualTo(200);
    assertThat(otherRun.body()).doesNotContain(batch);

    // Once the period has passed and retention has scheduled it, the tenant ADMIN's run purges it (a platform-wide
    // run by another test may have done so first: purging is idempotent, so either way it ends purged).
    List<JsonNode> runs = new ArrayList<>();
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
      Api.Response run = api.post("/api/cron/run-payout-purge", admin, "{}");
      assertThat(run.status()).isEqualTo(200);
      runs.add(run.json());
      return api.get("/api/batches/" + batch, admin).json().get("purgedAt").isString();
    });
    assertThat(runs.getLast().get("trigger").asString()).isEqualTo("MANUAL");
    assertThat(runs.getLast().get("failed")).isEmpty();

    JsonNode purged = api.get("/api/batches/" + batch, admin).json();
    assertThat(purged.get("status").asString()).isEqualTo("FULLY_PAID");
    JsonNode kept = purged.get("lines").get(0);
    assertThat(kept.get("creatorName").asString()).isEqualTo("Pia Purge");
    assertThat(kept.get("amount").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(kept.get("currency").asString()).isEqualTo("USD");
    assertThat(kept.get("status").asString()).isEqualTo("PAID");
    assertThat(kept.get("account").asString()).isEqualTo("SHREDDED");
    assertThat(api.post("/api/batches/" + batch + "/export", admin,
        "{\"purpose\":\"Monthly creator payouts\",\"format\":\"CSV\"}").status()).isEqualTo(409);

    // The batch's data key is gone from the key store, and no payout collection holds the account in clear.
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      MongoDatabase payout = mongo.getDatabase("claraop-payout");
      List<Document> batchKeys = new ArrayList<>();
      // Data keys live in a database of their own, beside the data (README, "Backups").
      mongo.getDatabase("claraop-payout-keys").getCollection("data_keys").find().forEach(key -> {
        if (key.getString("_id").contains(batch)) batchKeys.add(key);
      });
      assertThat(batchKeys).isNotEmpty().allSatisfy(key -> {
        assertThat(key.getString("state")).isEqualTo("shredded"); // a tombstone: no wrapped key left to restore
        assertThat(key.containsKey("wrapped")).isFalse();
      });
      for (String collection : payout.listCollectionNames()) {
        for (Document document : payout.getCollection(collection).find()) {
          assertThat(document.toJson()).as(collection).doesNotContain(PLANTED_ACCOUNT);
        }
      }
    }

    // Audited: the purge itself and the run, in the tenant's own log.
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      String entries = api.get("/api/audit/entries?resource=" + batch, admin).body();
      assertThat(entries).contains("payout.batch.purged");
      assertThat(api.get("/api/audit/entries?action=retention.purge-run.completed", admin).body())
          .contains("retention-run");
    });
  }

  @Test
  void a_purge_run_while_payout_service_is_down_leaves_the_batch_due_and_the_next_run_purges_it() {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    String tenant = "purge-down-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = api.token(seeds.tenantAdmin(tenant));
    String creator = seeds.invitedCreator(admin);
    seeds.payoutProfile(admin, creator);
    seeds.approvedInvoice(tenant, creator, "Pia Pause", "12.00");
    Api.Response generated = api.post("/api/batches", admin, "{\"currency\":\"USD\"}");
    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    String batch = generated.json().get("id").asString();
    assertThat(api.post("/api/batches/" + batch + "/cancel", admin, "{\"reason\":\"Wrong month\"}").status())
        .isEqualTo(204);
    // Due once the period has passed and retention has read the closing: a run of this tenant finds it due.
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
        .until(() -> retentionKnowsDue(suite, batch));

    suite.stop("payout-service");
    JsonNode failed;
    try {
      Api.Response run = api.post("/api/cron/run-payout-purge", admin, "{}");
      assertThat(run.status()).as(run.body()).isEqualTo(200);
      failed = run.json();
    } finally {
      suite.start("payout-service");
    }
    assertThat(failed.get("due").toString()).contains(batch);
    assertThat(failed.get("purged").toString()).doesNotContain(batch);
    assertThat(failed.get("failed").toString()).contains(batch, "stays due for the next run");

    JsonNode next = api.post("/api/cron/run-payout-purge", admin, "{}").json();
    assertThat(next.get("purged").toString()).contains(batch);
    Awaitility.await().atMost(Duration.ofSeconds(15)) // the batch view follows the event store
        .until(() -> api.get("/api/batches/" + batch, admin).json().get("purgedAt").isString());
  }

  /** retention-service has the batch due (its schedule, in its own database). */
  private static boolean retentionKnowsDue(Suite suite, String batch) {
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      Document due = mongo.getDatabase("claraop-retention").getCollection("due_purges")
          .find(new Document("_id", batch)).first();
      return due != null && due.getDate("closedAt").toInstant().plus(Duration.parse(Suite.PURGE_AFTER))
          .isBefore(java.time.Instant.now());
    }
  }
}
