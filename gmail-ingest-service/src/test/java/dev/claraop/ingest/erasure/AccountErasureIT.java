package dev.claraop.ingest.erasure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.claraop.ingest.InboxFlow.manager;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.claraop.events.Actor;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.ingest.InboxFlow;
import dev.claraop.ingest.IngestIntegrationTest;
import dev.claraop.ingest.sync.MailboxSync;
import dev.claraop.test.ErasureProtocol;
import dev.claraop.test.GoogleFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Account erasure (DESIGN §6.6) as retention asks for it on {@code retention.events}: the user's mailboxes are revoked
 * at Google (or, when Google refuses, still deleted here), their tokens shredded, their message metadata and the
 * user's pending consents deleted, and {@code ingest.user-data.erased} confirms with the counts; another user's
 * mailbox is untouched, a second request confirms zeros, and a request naming other services changes nothing.
 */
class AccountErasureIT extends IngestIntegrationTest {

  private final ErasureProtocol erasure = new ErasureProtocol(ErasureServices.INGEST);
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "t-" + suffix;
  private final String erased = "mgr-erased-" + suffix;
  private final String kept = "mgr-kept-" + suffix;
  private final List<StubMapping> stubs = new ArrayList<>();
  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MailboxSync sync;

  private record Connected(String mailboxId, String account, String refreshToken) {}

  @AfterEach
  void removeStubs() {
    stubs.forEach(GoogleFixture.standIn().orElseThrow().server()::removeStub);
  }

  @Test
  void an_erasure_deletes_the_users_mailboxes_messages_and_consents_confirms_them_and_leaves_another_user_alone()
      throws Exception {
    Connected first = connect(manager(tenant, erased), "erase-one-" + suffix + "@demo.claraop.dev");
    Connected second = connect(manager(tenant, erased), "erase-two-" + suffix + "@demo.claraop.dev");
    Connected other = connect(manager(tenant, kept), "keep-" + suffix + "@demo.claraop.dev");
    for (Connected c : List.of(first, second, other)) assertThat(sync.sync(c.mailboxId())).isEqualTo(MailboxSync.Outcome.FULL);
    new InboxFlow(http).authorizationUrl(manager(tenant, erased));
    new InboxFlow(http).authorizationUrl(manager(tenant, kept));
    long messagesOfErased = messages(first) + messages(second);
    long messagesOfKept = messages(other);
    assertThat(messagesOfErased).isPositive();
    assertThat(everything()).as("the user is in the database before").contains(erased);
    // Google refuses the second mailbox's revocation: the tokens are ours to forget all the same.
    stubs.add(GoogleFixture.standIn().orElseThrow().server().stubFor(post(urlPathEqualTo("/revoke")).atPriority(1)
        .withRequestBody(containing(URLEncoder.encode(second.refreshToken(), StandardCharsets.UTF_8)))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_token\"}"))));

    String erasureId = "er-" + suffix;
    EventEnvelope request = erasure.request(tenant, new ErasureRequested(erasureId, erased, 1, ErasureServices.ALL));

    EventEnvelope confirmation = erasure.confirmation(request);
    assertThat(erasure.erased(confirmation).removed())
        .isEqualTo(Map.of("mailboxes", 2, "messages", (int) messagesOfErased, "consents", 1));
    assertThat(confirmation.tenantId()).isEqualTo(tenant);
    assertThat(confirmation.subjectId()).isEqualTo(erased);
    assertThat(confirmation.actor()).isEqualTo(Actor.system("gmail-ingest-service"));
    assertThat(confirmation.correlationId()).isEqualTo(request.correlationId());
    assertThat(SchemaCheck.violations(EventTypes.INGEST_USER_DATA_ERASED, confirmation.data())).isEmpty();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("erasures")
        .countDocuments(new Document("outbox.0", new Document("$exists", true))) == 0);
    String everything = everything();
    assertThat(everything).as("no trace of the user").doesNotContain(erased);
    for (Connected gone : List.of(first, second)) {
      assertThat(everything).doesNotContain(gone.account());
      assertThat(messages(gone)).isZero();
      assertThat(mongo.getCollection("mailboxes").countDocuments(new Document("_id", gone.mailboxId()))).isZero();
      assertThat(dataKeys().find(new Document("_id", "mailbox:" + gone.mailboxId())).first())
          .as("the tokens' data key is a tombstone").isNotNull()
          .extracting(key -> key.get("state")).isEqualTo("shredded");
      assertThat(InboxFlow.requests("/revoke", "token=" + URLEncoder.encode(gone.refreshToken(), StandardCharsets.UTF_8)))
          .as("revocation asked of Google").isEqualTo(1);
    }
    assertThat(InboxFlow.refreshAtGoogle(first.refreshToken())).contains("invalid_grant");
    assertThat(erasureDocument(erasureId).toJson()).doesNotContain(erased);
    assertKeptUntouched(other, messagesOfKept);

    // Retention asks again (attempt 2): nothing left, confirmed with zeros.
    EventEnvelope again =
        erasure.request(tenant, new ErasureRequested(erasureId, erased, 2, List.of(ErasureServices.INGEST)));
    assertThat(erasure.erased(erasure.confirmation(again)).removed())
        .isEqualTo(Map.of("mailboxes", 0, "messages", 0, "consents", 0));

    // The very same record delivered twice is answered once.
    RecordMetadata redelivered = erasure.publish(again);
    erasure.awaitHandled(redelivered);
    assertThat(erasure.confirmations(erasureId, 3, Duration.ofSeconds(5))).hasSize(2);
    assertThat(erasureDocument(erasureId).getList("requests", String.class))
        .containsExactlyInAnyOrder(request.eventId().toString(), again.eventId().toString());
    assertKeptUntouched(other, messagesOfKept);
  }

  @Test
  void a_request_that_does_not_name_ingest_erases_nothing_and_confirms_nothing() throws Exception {
    Connected other = connect(manager(tenant, kept), "keep-only-" + suffix + "@demo.claraop.dev");
    assertThat(sync.sync(other.mailboxId())).isEqualTo(MailboxSync.Outcome.FULL);
    new InboxFlow(http).authorizationUrl(manager(tenant, kept));
    long messages = messages(other);

    String erasureId = "er-other-" + suffix;
    erasure.awaitHandled(erasure.publish(erasure.newRequest(tenant,
        new ErasureRequested(erasureId, kept, 1, List.of(ErasureServices.IDENTITY, ErasureServices.PAYOUT)))));

    assertKeptUntouched(other, messages);
    assertThat(mongo.getCollection("erasures").countDocuments(new Document("_id", erasureId))).isZero();
    assertThat(erasure.confirmations(erasureId, 1, Duration.ofSeconds(5))).isEmpty();
  }

  private void assertKeptUntouched(Connected other, long messages) throws Exception {
    Document mailbox = mongo.getCollection("mailboxes").find(new Document("_id", other.mailboxId())).first();
    assertThat(mailbox).isNotNull();
    assertThat(mailbox.getString("connectedBy")).isEqualTo(kept);
    assertThat(mailbox.getString("status")).isEqualTo("CONNECTED");
    assertThat(messages(other)).isEqualTo(messages);
    assertThat(mongo.getCollection("pending_consents").countDocuments(new Document("userId", kept))).isPositive();
    assertThat(InboxFlow.requests("/revoke", "token=" + URLEncoder.encode(other.refreshToken(), StandardCharsets.UTF_8)))
        .isZero();
    assertThat(InboxFlow.refreshAtGoogle(other.refreshToken())).contains("access_token");
  }

  private Connected connect(RequestPostProcessor caller, String account) throws Exception {
    InboxFlow inbox = new InboxFlow(http);
    InboxFlow.Redirect back = InboxFlow.consent(inbox.authorizationUrl(caller), account);
    var callback = inbox.callback(back);
    assertThat(callback.getResponse().getStatus()).isEqualTo(303);
    String mailboxId = InboxFlow.query(URI.create(callback.getResponse().getHeader("Location"))).get("connected");
    return new Connected(mailboxId, account, InboxFlow.issuedFor(back.code()).get("refresh_token").asString());
  }

  private long messages(Connected connected) {
    return mongo.getCollection("scanned_messages").countDocuments(new Document("mailboxId", connected.mailboxId()));
  }

  private Document erasureDocument(String erasureId) {
    return mongo.getCollection("erasures").find(new Document("_id", erasureId)).first();
  }

  /** Every document of every collection of the service's database, as JSON. */
  private String everything() {
    StringBuilder all = new StringBuilder();
    for (String collection : mongo.getCollectionNames()) {
      for (Document document : mongo.getCollection(collection).find()) all.append(document.toJson()).append('\n');
    }
    return all.toString();
  }
}
