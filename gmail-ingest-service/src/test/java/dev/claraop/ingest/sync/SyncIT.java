package dev.claraop.ingest.sync;

import static dev.claraop.ingest.InboxFlow.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.devstack.MailboxSeed;
import dev.claraop.ingest.InboxFlow;
import dev.claraop.ingest.IngestIntegrationTest;
import dev.claraop.test.GoogleFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Syncing a connected inbox from the Google stand-in: full, then incremental, resilient, metadata only. */
class SyncIT extends IngestIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MailboxSync sync;
  private InboxFlow inbox;
  private String tenant;
  private String account;

  @BeforeEach
  void fresh() {
    inbox = new InboxFlow(http);
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    account = tenant + "@demo.claraop.dev";
  }

  @Test
  void a_requested_sync_is_accepted_and_reads_every_message_once_as_metadata_only() throws Exception {
    String mailbox = inbox.connect(admin(tenant), account);
    http.perform(post("/api/inbox/" + mailbox + "/sync").with(admin(tenant))).andExpect(status().isAccepted());
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FULL".equals(lastOutcome(mailbox)));
    assertThat(scanned(mailbox)).isEqualTo(MailboxSeed.DEMO.size());
    JsonNode usage = usage();
    assertThat(usage.get("calls").get("messages.get").asInt()).isEqualTo(MailboxSeed.DEMO.size());

    // Again: nothing new, so history.list only, and no message read twice.
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.INCREMENTAL);
    assertThat(scanned(mailbox)).isEqualTo(MailboxSeed.DEMO.size());
    assertThat(usage().get("calls").get("messages.get").asInt()).isEqualTo(MailboxSeed.DEMO.size());

    InboxFlow.standIn(account, "messages", "count=3");
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.INCREMENTAL);
    assertThat(scanned(mailbox)).isEqualTo(MailboxSeed.DEMO.size() + 3);
    assertThat(usage().get("calls").get("messages.list").asInt()).as("no second full listing").isEqualTo(1);

    List<String> stored = new ArrayList<>();
    mongo.getCollection("scanned_messages").find(new Document("mailboxId", mailbox)).forEach(d -> stored.add(d.toJson()));
    // Snippets that also appear in a header (a few seeded ones repeat their subject) prove nothing: skip them.
    List<String> bodyOnly = MailboxSeed.DEMO.stream().map(MailboxSeed.Mail::snippet)
        .filter(s -> MailboxSeed.DEMO.stream().noneMatch(m -> m.subject().contains(s) || m.from().contains(s))).toList();
    assertThat(bodyOnly).hasSizeGreaterThan(40);
    for (String snippet : bodyOnly) {
      assertThat(stored).as("no snippet (body text) stored").noneMatch(d -> d.contains(snippet));
    }
    assertThat(stored).anyMatch(d -> d.contains("\"senderDomain\": \"ridgeline.example\""));
    // Every message read by any test asked for metadata and the three headers only.
    GoogleFixture.standIn().orElseThrow().server().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().matches("/gmail/v1/users/me/messages/.+"))
        .forEach(e -> assertThat(e.getRequest().getUrl()).contains("format=metadata")
            .contains("metadataHeaders=From&metadataHeaders=Subject&metadataHeaders=Date")
            .doesNotContain("format=full", "format=raw"));
  }

  @Test
  void an_expired_history_leads_to_exactly_one_full_sync() throws Exception {
    String mailbox = inbox.connect(admin(tenant), account);
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.FULL);
    InboxFlow.standIn(account, "expire-history", "");
    InboxFlow.standIn(account, "messages", "count=1");
    int historyCalls = calls("history.list");

    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.RESYNCED_FULL);
    assertThat(calls("history.list")).isEqualTo(historyCalls + 1);
    assertThat(calls("messages.list")).isEqualTo(2);
    assertThat(calls("messages.get")).as("only the new message is read").isEqualTo(MailboxSeed.DEMO.size() + 1);
    assertThat(scanned(mailbox)).isEqualTo(MailboxSeed.DEMO.size() + 1);
    assertThat(sync.sync(mailbox)).as("then incremental again").isEqualTo(MailboxSync.Outcome.INCREMENTAL);
  }

  @Test
  void a_storm_of_429_and_503_is_retried_with_backoff_until_the_sync_completes() throws Exception {
    String mailbox = inbox.connect(admin(tenant), account);
    InboxFlow.standIn(account, "faults", "endpoint=messages.get&status=429&times=3");
    InboxFlow.standIn(account, "faults", "endpoint=messages.list&status=503&times=2");
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.FULL);
    assertThat(scanned(mailbox)).isEqualTo(MailboxSeed.DEMO.size());
    assertThat(calls("messages.get")).isEqualTo(MailboxSeed.DEMO.size() + 3);
  }

  @Test
  void a_grant_revoked_at_google_marks_the_mailbox_revoked_without_a_retry_storm() throws Exception {
    String mailbox = inbox.connect(admin(tenant), account);
    InboxFlow.standIn(account, "revoke-grant", "");
    long refreshes = InboxFlow.requests("/token", "grant_type=refresh_token");

    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.REVOKED);
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.REVOKED);
    assertThat(InboxFlow.requests("/token", "grant_type=refresh_token")).as("one refresh, never retried")
        .isEqualTo(refreshes + 1);
    JsonNode listed = inbox.mailboxes(admin(tenant));
    assertThat(listed.get(0).get("status").asString()).isEqualTo("REVOKED");
    http.perform(post("/api/inbox/" + mailbox + "/sync").with(admin(tenant))).andExpect(status().isConflict());
  }

  private String lastOutcome(String mailbox) {
    Document d = mongo.getCollection("mailboxes").find(new Document("_id", mailbox)).first();
    return d == null ? null : d.getString("lastSyncOutcome");
  }

  private long scanned(String mailbox) {
    return mongo.getCollection("scanned_messages").countDocuments(new Document("mailboxId", mailbox));
  }

  private int calls(String endpoint) throws Exception {
    JsonNode count = usage().get("calls").get(endpoint);
    return count == null ? 0 : count.asInt();
  }

  private JsonNode usage() throws Exception {
    return JSON.readTree(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(GoogleFixture.baseUrl() + "/standin/accounts/" + account + "/usage")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body());
  }
}
