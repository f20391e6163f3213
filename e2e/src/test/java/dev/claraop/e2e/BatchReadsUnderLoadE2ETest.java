package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, "fail fast, come back": one admin opening a 10,000-line batch's list took payout-service down (39
 * OutOfMemoryErrors, then a JVM that never answered again). Here the suite's payout-service, on the devstack's
 * heap (-Xmx384m, as ./claraop starts it), serves that batch's list, its summary and pages of its lines to eight
 * callers at once for 20 s while its health is asked every half second: every answer is a 200, health never
 * fails, and its log holds no OutOfMemoryError. The batch is written into the read model as payout-service's
 * projection writes it, so the test measures the reads, not a generation.
 */
class BatchReadsUnderLoadE2ETest {

  private static final int LINES = 10_000;

  @Test
  void a_ten_thousand_line_batch_read_by_many_at_once_leaves_payout_service_answering() throws Exception {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    String tenant = "load-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = api.token(new Seeds(suite, api).tenantAdmin(tenant));
    String batchId = UUID.randomUUID().toString();
    writeBatch(suite, tenant, batchId);

    String payout = suite.services.get("payout-service");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<String> reads = List.of("/api/batches?limit=50", "/api/batches/" + batchId,
        "/api/batches/" + batchId + "/lines?limit=500", "/api/batches/" + batchId + "/lines?limit=100");
    Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> unhealthy = new ArrayList<>();
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try (ExecutorService callers = Executors.newFixedThreadPool(9)) {
      List<Future<?>> running = new ArrayList<>();
      for (int caller = 0; caller < 8; caller++) {
        int first = caller;
        running.add(callers.submit(() -> {
          for (int n = first; System.nanoTime() < until; n++) {
            var request = HttpRequest.newBuilder(URI.create(payout + reads.get(n % reads.size())))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30)).build();
            String status;
            try {
              status = String.valueOf(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (Exception e) {
              status = e.getClass().getSimpleName();
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
          }
          return null;
        }));
      }
      running.add(callers.submit(() -> {
        while (System.nanoTime() < until) {
          var health = HttpRequest.newBuilder(URI.create(payout + "/actuator/health")).timeout(Duration.ofSeconds(2)).build();
          try {
            int status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) unhealthy.add(Instant.now() + " " + status);
          } catch (Exception e) {
            unhealthy.add(Instant.now() + " " + e);
          }
          Thread.sleep(500);
        }
        return null;
      }));
      for (Future<?> done : running) done.get();
    }

    assertThat(statuses.keySet()).as("every status answered: " + statuses).containsExactly("200");
    assertThat(statuses.get("200").get()).as("reads served").isGreaterThanOrEqualTo(reads.size());
    assertThat(unhealthy).as("health asked every 500 ms while the batch was read").isEmpty();
    assertThat(Files.readString(suite.logs.resolve("payout-service.log"))).doesNotContain("OutOfMemoryError");
  }

  /** The batch's summary and lines, in the shape BatchProjection writes (batch_views, batch_view_lines). */
  private static void writeBatch(Suite suite, String tenant, String batchId) {
    Date generatedAt = Date.from(Instant.now());
    List<Document> lines = new ArrayList<>(LINES);
    List<String> creators = new ArrayList<>(LINES);
    for (int position = 0; position < LINES; position++) {
      String creator = "load-creator-" + position;
      creators.add(creator);
      lines.add(new Document("_id", UUID.randomUUID().toString()).append("batchId", batchId).append("tenantId", tenant)
          .append("position", position).append("slot", batchId + "/" + position).append("creatorId", creator)
          .append("creatorName", "Load Creator " + position).append("amount", new Decimal128(new BigDecimal("10.00")))
          .append("currency", "EUR").append("status", "PENDING").append("account", "••••3000")
          .append("generatedAt", generatedAt));
    }
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      var payout = mongo.getDatabase("claraop-payout");
      for (int from = 0; from < LINES; from += 1_000) {
        payout.getCollection("batch_view_lines").insertMany(lines.subList(from, from + 1_000));
      }
      payout.getCollection("batch_views").insertOne(new Document("_id", batchId).append("tenantId", tenant)
          .append("currency", "EUR").append("status", "GENERATED").append("generatedBy", "load-admin")
          .append("generatedAt", generatedAt).append("total", new Decimal128(new BigDecimal("100000.00")))
          .append("lineCount", LINES).append("creatorIds", creators));
    }
  }
}
