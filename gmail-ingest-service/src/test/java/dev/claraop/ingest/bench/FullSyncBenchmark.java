package dev.claraop.ingest.bench;

import static dev.claraop.ingest.InboxFlow.admin;

import dev.claraop.ingest.InboxFlow;
import dev.claraop.ingest.IngestIntegrationTest;
import dev.claraop.ingest.sync.MailboxSync;
import dev.claraop.test.GoogleFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (its name keeps it out of verify; it asserts nothing and only prints): a full sync of a 10,000-message
 * stand-in mailbox, then an incremental sync of 100 new messages, with the time taken, the Google calls made and the
 * quota units spent against the least the Gmail API allows (profile 1 + messages.list 5 per page of 500 +
 * messages.get 5 per message; history.list 2 per page). The service's quota limiter sets the pace; pass
 * {@code -Dbench.units-per-second=…} to see it at another budget (default: the service's own, 80).
 *
 * <pre>{@code
 * ./mvnw -B -o -pl gmail-ingest-service test -Dtest=FullSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dbench.messages=10000 -Dbench.units-per-second=80
 * }</pre>
 */
class FullSyncBenchmark extends IngestIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);
  private static final int NEW_MESSAGES = 100;
  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MailboxSync sync;

  @DynamicPropertySource
  static void budget(DynamicPropertyRegistry registry) {
    registry.add("claraop.google.resilience.units-per-second", () -> System.getProperty("bench.units-per-second", "80"));
  }

  @Test
  void full_then_incremental_sync() throws Exception {
    String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    String account = tenant + "+m" + MESSAGES + "@demo.claraop.dev";
    String mailbox = new InboxFlow(http).connect(admin(tenant), account);

    long started = System.nanoTime();
    MailboxSync.Outcome full = sync.sync(mailbox);
    Duration fullTime = Duration.ofNanos(System.nanoTime() - started);
    JsonNode afterFull = usage(account);
    int pages = (MESSAGES + 499) / 500;
    int fullMinimum = 1 + 5 * pages + 5 * MESSAGES;
    report("full sync (" + full + ")", MESSAGES, scanned(mailbox), fullTime, afterFull, fullMinimum);

    InboxFlow.standIn(account, "messages", "count=" + NEW_MESSAGES);
    started = System.nanoTime();
    MailboxSync.Outcome incremental = sync.sync(mailbox);
    Duration incrementalTime = Duration.ofNanos(System.nanoTime() - started);
    JsonNode afterIncremental = usage(account);
    int incrementalMinimum = 2 + 5 * NEW_MESSAGES;
    System.out.printf("incremental sync (%s): %d new messages, %d stored in all, %.1f s, history.list %d, "
            + "messages.get %d, quota units %d (least possible %d)%n", incremental, NEW_MESSAGES, scanned(mailbox),
        incrementalTime.toMillis() / 1000.0, calls(afterIncremental, "history.list") - calls(afterFull, "history.list"),
        calls(afterIncremental, "messages.get") - calls(afterFull, "messages.get"),
        afterIncremental.get("units").asInt() - afterFull.get("units").asInt(), incrementalMinimum);
  }

  private static void report(String what, int messages, long stored, Duration time, JsonNode usage, int minimum) {
    System.out.printf("%s: %d messages, %d stored, %.1f s (%.0f messages/s), calls %s, quota units %d "
            + "(least possible %d, %.3f×)%n", what, messages, stored, time.toMillis() / 1000.0,
        stored / Math.max(0.001, time.toMillis() / 1000.0), usage.get("calls"), usage.get("units").asInt(), minimum,
        usage.get("units").asInt() / (double) minimum);
  }

  private long scanned(String mailbox) {
    return mongo.getCollection("scanned_messages").countDocuments(new Document("mailboxId", mailbox));
  }

  private static int calls(JsonNode usage, String endpoint) {
    JsonNode count = usage.get("calls").get(endpoint);
    return count == null ? 0 : count.asInt();
  }

  private static JsonNode usage(String account) throws Exception {
    return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(GoogleFixture.baseUrl() + "/standin/accounts/"
                + URLEncoder.encode(account, StandardCharsets.UTF_8) + "/usage")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }
}
