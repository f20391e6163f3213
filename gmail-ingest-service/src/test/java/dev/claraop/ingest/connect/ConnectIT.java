package dev.claraop.ingest.connect;

import static dev.claraop.ingest.InboxFlow.admin;
import static dev.claraop.ingest.InboxFlow.manager;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.Topics;
import dev.claraop.ingest.InboxFlow;
import dev.claraop.ingest.InboxFlow.Redirect;
import dev.claraop.ingest.IngestIntegrationTest;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import dev.claraop.test.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Connecting a Gmail inbox against the Google stand-in: the authorization request asks for read-only Gmail with
 * PKCE and offline access; the callback connects only with a fresh state of ours; the tokens are kept only as
 * ciphertext; disconnecting revokes at Google.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConnectIT extends IngestIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MovableClock clock;
  private InboxFlow inbox;
  private String tenant;
  private String account;

  @BeforeEach
  void fresh() {
    inbox = new InboxFlow(http);
    tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    account = tenant + "@demo.claraop.dev";
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void the_authorization_request_asks_for_read_only_gmail_with_pkce_s256_offline_and_a_fresh_state() throws Exception {
    URI first = inbox.authorizationUrl(admin(tenant));
    URI second = inbox.authorizationUrl(manager(tenant, "m-1"));
    Map<String, String> query = InboxFlow.query(first);
    assertThat(query).containsEntry("response_type", "code")
        .containsEntry("scope", "https://www.googleapis.com/auth/gmail.readonly")
        .containsEntry("code_challenge_method", "S256").containsEntry("access_type", "offline")
        .containsEntry("prompt", "consent").containsEntry("redirect_uri", REDIRECT_URI)
        .containsEntry("client_id", "claraop-test");
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(query.get("state")).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(InboxFlow.query(second).get("state"));
    // The state is stored only as its hash: a reader of the database cannot present it.
    assertThat(mongo.getCollection("pending_consents").find().map(Document::toJson).into(new ArrayList<>()))
        .noneMatch(d -> d.contains(query.get("state")));
  }

  @Test
  void an_admin_connects_an_inbox_whose_tokens_are_kept_only_as_ciphertext(CapturedOutput output) throws Exception {
    Redirect back = InboxFlow.consent(inbox.authorizationUrl(admin(tenant)), account);
    MvcResult callback = inbox.callback(back);
    assertThat(callback.getResponse().getStatus()).isEqualTo(303);
    String mailboxId = InboxFlow.query(URI.create(callback.getResponse().getHeader("Location"))).get("connected");

    JsonNode listed = inbox.mailboxes(admin(tenant));
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asString()).isEqualTo(mailboxId);
    assertThat(listed.get(0).get("status").asString()).isEqualTo("CONNECTED");

    JsonNode issued = InboxFlow.issuedFor(back.code());
    String refresh = issued.get("refresh_token").asString();
    String access = issued.get("access_token").asString();
    Document stored = mongo.getCollection("mailboxes").find(new Document("_id", mailboxId)).first();
    assertThat(stored.getString("refreshToken")).startsWith("mailbox:" + mailboxId + ":");
    assertThat(stored.getString("accessToken")).startsWith("mailbox:" + mailboxId + ":");

    List<String> everything = new ArrayList<>();
    for (String collection : mongo.getCollectionNames()) {
      mongo.getCollection(collection).find().forEach(d -> everything.add(collection + " " + d.toJson()));
    }
    List<String> records = KafkaRecords.read(Topics.INGEST, r -> true, 1, Duration.ofSeconds(2)).stream()
        .map(ConsumerRecord::value).toList();
    String api = listed.toString();
    for (String token : List.of(refresh, access)) {
      assertThat(everything).as("Mongo").noneMatch(d -> d.contains(token));
      assertThat(records).as("Kafka").noneMatch(r -> r.contains(token));
      assertThat(output.getAll()).as("logs").doesNotContain(token);
      assertThat(api).as("API").doesNotContain(token);
    }
    assertThat(output.getAll()).doesNotContain(back.code());
  }

  @Test
  void a_creator_may_not_connect_and_nobody_connects_without_a_token() throws Exception {
    http.perform(post("/api/inbox/connect").with(tenantUser("c-1", tenant, Role.CREATOR)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(get("/api/inbox").with(tenantUser("c-1", tenant, Role.CREATOR))).andExpect(status().isForbidden());
    http.perform(post("/api/inbox/connect")).andExpect(status().isUnauthorized());
    assertThat(mongo.getCollection("pending_consents").countDocuments(new Document("tenantId", tenant))).isZero();
  }

  @Test
  void a_forged_state_connects_nothing() throws Exception {
    Redirect genuine = InboxFlow.consent(inbox.authorizationUrl(admin(tenant)), account);
    refused(new Redirect("forged-" + genuine.state(), genuine.code(), null), "Unknown or already used state");
    refused(new Redirect(null, genuine.code(), null), "Unknown or already used state");
    assertThat(InboxFlow.requests("/token", genuine.code())).as("no exchange was tried").isZero();
    assertNothingConnected();
  }

  @Test
  void a_replayed_state_connects_nothing_more() throws Exception {
    Redirect genuine = InboxFlow.consent(inbox.authorizationUrl(admin(tenant)), account);
    assertThat(inbox.callback(genuine).getResponse().getStatus()).isEqualTo(303);
    refused(genuine, "Unknown or already used state");
    assertThat(inbox.mailboxes(admin(tenant))).hasSize(1);
  }

  @Test
  void a_state_older_than_ten_minutes_connects_nothing() throws Exception {
    Redirect late = InboxFlow.consent(inbox.authorizationUrl(admin(tenant)), account);
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    refused(late, "took too long");
    assertThat(InboxFlow.requests("/token", late.code())).isZero();
    assertNothingConnected();
  }

  @Test
  void a_denied_consent_connects_nothing() throws Exception {
    Redirect denied = InboxFlow.consent(inbox.authorizationUrl(admin(tenant)), "denies-" + account);
    assertThat(denied.error()).isEqualTo("access_denied");
    refused(denied, "access_denied");
    refused(denied, "Unknown or already used state"); // the state was spent by the denial
    assertNothingConnected();
  }

  @Test
  void a_grant_wider_than_read_only_gmail_is_refused_and_revoked_at_once() throws Exception {
    long keysBefore = dataKeys().countDocuments();
    Redirect wide = InboxFlow.consent(inbox.authorizationUrl(admin(tenant)), "wide-scope-" + account);
    refused(wide, "more than read-only Gmail");
    String refresh = InboxFlow.issuedFor(wide.code()).get("refresh_token").asString();
    assertThat(InboxFlow.requests("/revoke", null)).isPositive();
    assertThat(InboxFlow.refreshAtGoogle(refresh)).as("the grant is dead at Google").contains("invalid_grant");
    assertNothingConnected();
    assertThat(dataKeys().countDocuments()).as("no data key made for tokens never stored").isEqualTo(keysBefore);
  }

  @Test
  void a_manager_sees_and_disconnects_only_their_own_mailboxes_and_another_tenant_sees_none() throws Exception {
    String mine = inbox.connect(manager(tenant, "m-mine"), account);
    String theirs = inbox.connect(manager(tenant, "m-other"), "other-" + account);

    assertThat(inbox.mailboxes(manager(tenant, "m-mine"))).hasSize(1);
    assertThat(inbox.mailboxes(manager(tenant, "m-mine")).get(0).get("id").asString()).isEqualTo(mine);
    assertThat(inbox.mailboxes(admin(tenant))).hasSize(2);
    assertThat(inbox.mailboxes(admin("elsewhere-" + tenant))).isEmpty();

    http.perform(delete("/api/inbox/" + theirs).with(manager(tenant, "m-mine"))).andExpect(status().isNotFound());
    http.perform(delete("/api/inbox/" + mine).with(admin("elsewhere-" + tenant)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
    assertThat(inbox.mailboxes(admin(tenant))).hasSize(2);
  }

  @Test
  void disconnecting_revokes_the_grant_at_google_and_shreds_the_tokens() throws Exception {
    Redirect back = InboxFlow.consent(inbox.authorizationUrl(admin(tenant)), account);
    String mailboxId = InboxFlow.query(URI.create(inbox.callback(back).getResponse().getHeader("Location"))).get("connected");
    String refresh = InboxFlow.issuedFor(back.code()).get("refresh_token").asString();
    Document sealed = mongo.getCollection("mailboxes").find(new Document("_id", mailboxId)).first();

    http.perform(delete("/api/inbox/" + mailboxId).with(admin(tenant))).andExpect(status().isNoContent());

    assertThat(InboxFlow.requests("/revoke", "token=" + java.net.URLEncoder.encode(refresh, "UTF-8"))).isEqualTo(1);
    assertThat(InboxFlow.refreshAtGoogle(refresh)).contains("invalid_grant");
    assertThat(inbox.mailboxes(admin(tenant))).isEmpty();
    Document key = dataKeys().find(new Document("_id", "mailbox:" + mailboxId)).first();
    assertThat(key).as("a tombstone, not a key").isNotNull();
    assertThat(key.toJson()).doesNotContain(sealed.getString("refreshToken"));
    http.perform(delete("/api/inbox/" + mailboxId).with(admin(tenant))).andExpect(status().isNotFound());
  }

  private void refused(Redirect redirect, String why) throws Exception {
    MvcResult result = inbox.callback(redirect);
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(result.getResponse().getContentAsString()).contains(why);
    if (redirect.code() != null) assertThat(result.getResponse().getContentAsString()).doesNotContain(redirect.code());
  }

  private void assertNothingConnected() throws Exception {
    assertThat(inbox.mailboxes(admin(tenant))).isEmpty();
    assertThat(mongo.getCollection("mailboxes").countDocuments(new Document("tenantId", tenant))).isZero();
  }
}
