package dev.claraop.e2e;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Decimal128;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8's purge at scale, on a stack of its own ({@link Suite}, retention and payout both keeping a closed batch's
 * bank details {@link Suite#PURGE_AFTER}, the daily schedule off): N creators with bank details and one approved NOK
 * invoice each, then B batches made of them (generate, cancel: the cancellation closes the batch and gives its
 * invoices back, so the same N invoices make every batch, B x N lines). Once retention holds every batch as due, one
 * platform-wide {@code POST /api/cron/run-payout-purge} purges them; measured are its wall time, its counts, and for
 * payout-service and retention-service the peak used heap (sampled every 100 ms) and the resident high-water mark
 * during the run. A reference of B/10 batches runs first in the same stack, so the two read side by side.
 *
 * <p>From the repository root, beside an e2e run: {@code ./mvnw -q -pl e2e test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.claraop.e2e.PurgeAtScaleBenchmark -Dexec.args="1000 100"
 * -Dclaraop.e2e.stack=e2e/target/bench-stack}
 */
public final class PurgeAtScaleBenchmark {

  private static final String TENANT = "demo";
  private static final String ADMIN = "admin@demo.claraop.dev";
  private static final String PLATFORM_ADMIN = "platform-admin@claraop.dev";
  /** A currency no test and no demo data uses, so every approved NOK invoice is one of ours. */
  private static final String CURRENCY = "NOK";
  private static final int VERIFIED_SAMPLE = 20;

  public static void main(String[] args) throws Exception {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int creators = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    // exec:java runs in Maven's JVM, whose working directory is the repository root, not e2e/ as under surefire.
    if (System.getProperty("claraop.root") == null && Files.exists(Path.of("claraop"))) {
      System.setProperty("claraop.root", ".");
    }
    Suite suite = Suite.get();
    PurgeAtScaleBenchmark bench = new PurgeAtScaleBenchmark(suite);
    bench.seed(creators);
    Figures reference = bench.measure(Math.max(1, batches / 10), creators);
    Figures full = bench.measure(batches, creators);
    // The table is printed whatever the runs found: a partial run's figures are what says where it broke.
    print(reference, full);
    if (!reference.verified().isEmpty() || !full.verified().isEmpty()) {
      throw new IllegalStateException("the purge runs did not purge every batch: " + reference.verified() + " / "
          + full.verified());
    }
  }

  private final Suite suite;
  private final Api api;
  private final Tokens tokens;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PurgeAtScaleBenchmark(Suite suite) {
    this.suite = suite;
    this.api = new Api(suite);
    this.tokens = new Tokens(api);
  }

  /**
   * Creators with bank details (through payout-service's API) and one approved invoice each (where payout-service
   * keeps them). Members are written where payout-service keeps what identity.events announced, as in
   * {@link BatchAtScaleBenchmark}: inviting them through Keycloak is not what is measured.
   */
  private void seed(int creators) throws Exception {
    long started = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < creators; i++) ids.add(UUID.randomUUID().toString());
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      mongo.getDatabase("claraop-payout").getCollection("tenant_members").insertMany(ids.stream()
          .map(id -> new Document("_id", TENANT + "/" + id).append("tenantId", TENANT).append("userId", id)
              .append("roles", List.of("CREATOR"))).toList());
    }
    String payout = suite.services.get("payout-service");
    String admin = tokens.of(ADMIN);
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Integer>> puts = new ArrayList<>();
      for (int i = 0; i < creators; i++) {
        String body = """
            {"accountHolder":"Purge Bench Creator %d","country":"DE","currency":"EUR","iban":"%s","bic":"DEUTDEFFXXX"}
            """.formatted(i, BatchAtScaleBenchmark.germanIban(i));
        String creator = ids.get(i);
        puts.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(payout + "/api/payout-profiles/" + creator))
            .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
      }
      for (Future<Integer> put : puts) {
        if (put.get() != 200) throw new IllegalStateException("profile not stored: " + put.get());
      }
    }
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      List<Document> invoices = new ArrayList<>();
      for (int i = 0; i < creators; i++) {
        invoices.add(new Document("_id", "purge-bench-" + UUID.randomUUID()).append("tenantId", TENANT)
            .append("creatorId", ids.get(i)).append("creatorName", "Purge Bench Creator " + i).append("campaignId", "bench")
            .append("amount", new Decimal128(new BigDecimal("50.00").add(BigDecimal.valueOf(i, 2))))
            .append("currency", CURRENCY).append("status", "APPROVED").append("batchId", null));
      }
      mongo.getDatabase("claraop-payout").getCollection("invoices").insertMany(invoices);
    }
    // Profiles are read from a projection of the event store: generating before it caught up would be refused.
    String last = ids.getLast();
    Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() ->
        http.send(HttpRequest.newBuilder(URI.create(payout + "/api/payout-profiles/" + last))
            .header("Authorization", "Bearer " + tokens.of(ADMIN)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200);
    System.out.printf(Locale.ROOT, "seeded %d creators with bank details and one approved %s invoice each in %.1f s%n",
        creators, CURRENCY, seconds(started));
  }

  /** Makes {@code count} closed batches, waits until retention holds them due, purges and verifies them. */
  private Figures measure(int count, int lines) throws Exception {
    long making = System.nanoTime();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      made.add(closedBatch());
      if ((i + 1) % 100 == 0) System.out.printf(Locale.ROOT, "  %d/%d batches made and cancelled (%.0f s)%n", i + 1, count,
          seconds(making));
    }
    double madeIn = seconds(making);
    System.out.printf(Locale.ROOT, "made %d batches of %d lines (generate + cancel through the gateway) in %.1f s%n", count,
        lines, madeIn);

    long waiting = System.nanoTime();
    awaitDue(made);
    System.out.printf(Locale.ROOT, "  all %d due at retention-service %.1f s after the last was made%n", count,
        seconds(waiting));

    ServiceProcess payout = new ServiceProcess("payout-service");
    ServiceProcess retention = new ServiceProcess("retention-service");
    payout.resetHighWaterMark();
    retention.resetHighWaterMark();
    HeapSampler payoutHeap = new HeapSampler(payout.metrics);
    HeapSampler retentionHeap = new HeapSampler(retention.metrics);
    Thread payoutSampling = Thread.ofVirtual().start(payoutHeap);
    Thread retentionSampling = Thread.ofVirtual().start(retentionHeap);
    String platformAdmin = tokens.of(PLATFORM_ADMIN);
    long purging = System.nanoTime();
    // Straight to retention-service: the gateway's retention route answers 504 after 30 s, shorter than this run.
    Api.Response run = api.send(HttpRequest.newBuilder(URI.create(suite.services.get("retention-service")
            + "/api/cron/run-payout-purge")).header("Authorization", "Bearer " + platformAdmin)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    double took = seconds(purging);
    payoutHeap.stop.set(true);
    retentionHeap.stop.set(true);
    payoutSampling.join();
    retentionSampling.join();
    if (run.status() != 200) throw new IllegalStateException("purge run: " + run.status() + " " + run.body());
    JsonNode record = run.json();
    Set<String> purged = ids(record.get("purged"));
    int ours = (int) made.stream().filter(purged::contains).count();
    int failed = record.get("failed").size();
    System.out.printf(Locale.ROOT, "purge run %s: %d due, %d purged (%d of the %d just made), %d failed in %.1f s%n",
        record.get("id").asString(), record.get("due").size(), purged.size(), ours, count, failed, took);

    String verified = verify(made, record, ours);
    return new Figures(count, (long) count * lines, madeIn, took, purged.size(), failed,
        payoutHeap.before, payoutHeap.peak.get(), payout.highWaterMark(),
        retentionHeap.before, retentionHeap.peak.get(), retention.highWaterMark(), verified);
  }

  /**
   * Generates a batch of every free NOK invoice and cancels it. The cancellation gives the invoices back
   * asynchronously (InvoiceSettlement follows the event store), so the next generation is retried while payout
   * answers that nothing is payable yet.
   */
  private String closedBatch() {
    Instant giveUp = Instant.now().plusSeconds(60);
    Api.Response generated;
    while (true) {
      generated = api.post("/api/batches", tokens.of(ADMIN), "{\"currency\":\"" + CURRENCY + "\"}");
      if (generated.status() == 201) break;
      boolean notYetFree = generated.status() == 409 && generated.body().contains("no approved, unpaid invoices");
      if (!(notYetFree || generated.status() == 429) || Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException("generate: " + generated.status() + " " + generated.body());
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    String id = generated.json().get("id").asString();
    Api.Response cancelled;
    do {
      cancelled = api.post("/api/batches/" + id + "/cancel", tokens.of(ADMIN), "{\"reason\":\"purge benchmark\"}");
      if (cancelled.status() == 429) LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    } while (cancelled.status() == 429);
    if (cancelled.status() != 204) throw new IllegalStateException("cancel " + id + ": " + cancelled.status() + " " + cancelled.body());
    return id;
  }

  /**
   * Until retention-service has consumed every closing (one DUE document per batch in {@code due_purges}) and the
   * last one's {@code closedAt + PURGE_AFTER} has passed, with a second to spare for payout's own clock check.
   */
  private void awaitDue(List<String> batches) {
    Duration purgeAfter = Duration.parse(Suite.PURGE_AFTER);
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      var duePurges = mongo.getDatabase("claraop-retention").getCollection("due_purges");
      Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
          duePurges.countDocuments(and(in("_id", batches), eq("status", "DUE"))) == batches.size());
      Instant lastClosed = Instant.EPOCH;
      for (Document due : duePurges.find(in("_id", batches))) {
        Instant closedAt = due.getDate("closedAt").toInstant();
        if (closedAt.isAfter(lastClosed)) lastClosed = closedAt;
      }
      Instant dueAt = lastClosed.plus(purgeAfter).plusSeconds(1);
      while (Instant.now().isBefore(dueAt)) LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  /**
   * The run failed nothing and purged every batch made; a sample reads purgedAt through the gateway.
   *
   * @return what fell short, empty when nothing did
   */
  private String verify(List<String> made, JsonNode record, int ours) {
    if (!record.get("failed").isEmpty()) {
      JsonNode first = record.get("failed").get(0);
      String problem = "the run failed " + record.get("failed").size() + " batches (first: " + first + ")";
      System.out.println("  NOT verified: " + problem);
      return problem;
    }
    if (ours != made.size()) {
      String problem = "purged " + ours + " of the " + made.size() + " batches made";
      System.out.println("  NOT verified: " + problem);
      return problem;
    }
    List<String> sample = new ArrayList<>(made);
    Collections.shuffle(sample);
    for (String id : sample.subList(0, Math.min(VERIFIED_SAMPLE, sample.size()))) {
      // The batch view follows the event store within the projection's lag.
      Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
        Api.Response batch = api.get("/api/batches/" + id, tokens.of(ADMIN));
        return batch.status() == 200 && batch.json().get("purgedAt").isString();
      });
    }
    System.out.printf(Locale.ROOT, "  verified: failed list empty, all %d purged, %d sampled read purgedAt%n", made.size(),
        Math.min(VERIFIED_SAMPLE, made.size()));
    return "";
  }

  private static Set<String> ids(JsonNode array) {
    Set<String> ids = new HashSet<>();
    array.forEach(id -> ids.add(id.asString()));
    return ids;
  }

  record Figures(int batches, long lines, double makeSeconds, double purgeSeconds, int purged, int failed,
      double payoutHeapBefore, long payoutHeapPeak, String payoutHwm,
      double retentionHeapBefore, long retentionHeapPeak, String retentionHwm, String verified) {}

  private static void print(Figures reference, Figures full) {
    System.out.println();
    System.out.println("purge at scale: one platform-wide POST /api/cron/run-payout-purge, called on retention-service's"
        + " own port (the gateway's 30 s route timeout would cut it)");
    String row = "%-46s %16s %16s%n";
    System.out.printf(Locale.ROOT, row, "", "reference", "full");
    System.out.printf(Locale.ROOT, row, "batches", reference.batches(), full.batches());
    System.out.printf(Locale.ROOT, row, "lines", reference.lines(), full.lines());
    System.out.printf(Locale.ROOT, row, "making them (generate + cancel), s", f1(reference.makeSeconds()), f1(full.makeSeconds()));
    System.out.printf(Locale.ROOT, row, "purge run wall time, s", f1(reference.purgeSeconds()), f1(full.purgeSeconds()));
    System.out.printf(Locale.ROOT, row, "purged / failed (run record)", reference.purged() + " / " + reference.failed(),
        full.purged() + " / " + full.failed());
    System.out.printf(Locale.ROOT, row, "batches per second", f1(reference.purged() / reference.purgeSeconds()),
        f1(full.purged() / full.purgeSeconds()));
    System.out.printf(Locale.ROOT, row, "payout-service heap before / peak, MB",
        mb(reference.payoutHeapBefore()) + " / " + mb(reference.payoutHeapPeak()),
        mb(full.payoutHeapBefore()) + " / " + mb(full.payoutHeapPeak()));
    System.out.printf(Locale.ROOT, row, "payout-service VmHWM during the run", reference.payoutHwm(), full.payoutHwm());
    System.out.printf(Locale.ROOT, row, "retention-service heap before / peak, MB",
        mb(reference.retentionHeapBefore()) + " / " + mb(reference.retentionHeapPeak()),
        mb(full.retentionHeapBefore()) + " / " + mb(full.retentionHeapPeak()));
    System.out.printf(Locale.ROOT, row, "retention-service VmHWM during the run", reference.retentionHwm(), full.retentionHwm());
    System.out.printf(Locale.ROOT, row, "every batch purged, sample read purgedAt", verdict(reference), verdict(full));
  }

  private static String verdict(Figures figures) {
    return figures.verified().isEmpty() ? "yes" : "NO (see above)";
  }

  private static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String mb(double bytes) {
    return String.format(Locale.ROOT, "%.0f", bytes / 1e6);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Access tokens live 5 minutes in the dev realm; a run outlasts that, so each is fetched again after 4. */
  private static final class Tokens {
    private final Api api;
    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();
    private final java.util.Map<String, Instant> fetched = new java.util.HashMap<>();

    Tokens(Api api) {
      this.api = api;
    }

    synchronized String of(String username) {
      Instant at = fetched.get(username);
      if (at == null || at.plus(Duration.ofMinutes(4)).isBefore(Instant.now())) {
        tokens.put(username, api.token(username));
        fetched.put(username, Instant.now());
      }
      return tokens.get(username);
    }
  }

  /** A service of the bench stack: where it serves its metrics, and its JVM's resident memory from /proc. */
  private final class ServiceProcess {
    final String metrics;
    final Path status;
    final Path clearRefs;

    ServiceProcess(String service) throws Exception {
      this.metrics = suite.metrics.get(service);
      // ./claraop's supervisor (infra/devstack/supervise.sh) keeps the JVM's own pid in <service>.jvm.
      String pid = Files.readString(suite.logs.getParent().resolve("run").resolve(service + ".jvm")).trim();
      this.status = Path.of("/proc", pid, "status");
      this.clearRefs = Path.of("/proc", pid, "clear_refs");
    }

    /** "5" resets the peak resident set size to the current one (proc(5)), so VmHWM then covers the run alone. */
    void resetHighWaterMark() {
      try {
        Files.writeString(clearRefs, "5");
      } catch (Exception e) {
        System.out.println("  cannot reset VmHWM of " + status + " (" + e.getMessage() + "): it covers the process's life");
      }
    }

    String highWaterMark() throws Exception {
      return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM")).findFirst()
          .map(l -> String.format(Locale.ROOT, "%.0f MB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0))
          .orElse("?");
    }
  }

  /**
   * Samples a service's used heap (all heap pools) every 100 ms. The services expose no /actuator/metrics, so the
   * same meter, jvm.memory.used{area=heap}, is read from their Prometheus endpoint.
   */
  private final class HeapSampler implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong peak = new AtomicLong();
    final String prometheus;
    final double before;

    HeapSampler(String prometheus) {
      this.prometheus = prometheus;
      this.before = usedHeap();
    }

    @Override
    public void run() {
      while (!stop.get()) {
        peak.accumulateAndGet((long) usedHeap(), Math::max);
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
    }

    private double usedHeap() {
      try {
        String scrape = http.send(HttpRequest.newBuilder(URI.create(prometheus)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        return scrape.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
      } catch (Exception e) {
        return 0;
      }
    }
  }
}
