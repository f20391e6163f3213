package dev.claraop.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Issue 4's scale figures against a running {@code ./claraop up}: N creators with bank details and one
 * approved invoice each (profiles through payout-service's API, invoices written where payout-service keeps
 * them), then through the gateway: generate the batch (time to the 201), until audit shows it, approve
 * (a second ADMIN), and export it as pain.001 and as CSV (time, file size, and payout-service's heap: peak
 * sampled every 100 ms, and the process's resident high-water mark), then read the batch list and a page of
 * lines. Uses tenant demo and currency EUR, which the demo data leaves alone. Prints the figures beside issue 19's
 * targets, then one JSON line; {@code BenchmarksE2ETest} runs its smallest size in every build.
 *
 * <p>{@code ./claraop bench BatchAtScaleBenchmark 10000} (stack up).
 */
public final class BatchAtScaleBenchmark {

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    run(Suite.get(), "demo", "admin@demo.claraop.dev", "admin2@demo.claraop.dev", lines).print(TARGETS);
  }

  /** The targets of issue 19, and the figures the issue measured before them. */
  static final List<Figures.Target> TARGETS = List.of(
      new Figures.Target("generateSeconds", "generate through the gateway (to the 201)", 5.0, "47.02 s"),
      new Figures.Target("auditedSecondsAfter201", "audit entry after the 201", 2.0, "40.3 s"),
      new Figures.Target("profileProjectionBehindSeconds", "profile projection behind the last write", 2.0, "57.1 s"),
      new Figures.Target("listSeconds", "GET /api/batches with the batch in the tenant", 0.2, "504 after 180 s"),
      new Figures.Target("linesReadableSecondsAfter201", "lines readable after the 201 (batch-views)", null, "-"),
      new Figures.Target("linePageSeconds", "a page of 100 lines", 0.3, "(no such route)"),
      new Figures.Target("exportPain001Seconds", "pain.001 export", null, "3.01 s"),
      new Figures.Target("exportCsvSeconds", "CSV export", null, "1.12 s"));

  /**
   * One run in {@code tenant}, whose two ADMINs generate and approve (four eyes); the tenant's approved invoices in
   * EUR are paid by the batch, so it should hold none but the benchmark's.
   */
  static Figures run(Suite suite, String tenant, String firstAdmin, String secondAdmin, int lines) throws Exception {
    String payout = suite.services.get("payout-service"); // directly, as the seeding is not what is measured
    Api api = new Api(suite);
    String seeder = api.token(firstAdmin);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    long seeding = System.nanoTime();
    List<String> creators = new ArrayList<>();
    for (int i = 0; i < lines; i++) creators.add(UUID.randomUUID().toString());
    // payout-service sets bank details only for creators identity-service announced in the tenant; inviting 10,000
    // users through Keycloak is not what is measured here, so they are written where payout-service keeps them.
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      List<Document> members = new ArrayList<>();
      for (String creator : creators) {
        members.add(new Document("_id", tenant + "/" + creator).append("tenantId", tenant).append("userId", creator)
            .append("roles", List.of("CREATOR")));
      }
      mongo.getDatabase("claraop-payout").getCollection("tenant_members").insertMany(members);
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Integer>> puts = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        String creator = creators.get(i);
        String body = """
            {"accountHolder":"Bench Creator %d","country":"DE","currency":"EUR","iban":"%s","bic":"DEUTDEFFXXX"}
            """.formatted(i, germanIban(i));
        puts.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(payout + "/api/payout-profiles/" + creator))
                .header("Authorization", "Bearer " + seeder).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode()));
      }
      for (Future<Integer> put : puts) {
        if (put.get() != 200) throw new IllegalStateException("profile not stored: " + put.get());
      }
    }
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      List<Document> invoices = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        invoices.add(new Document("_id", "bench-" + UUID.randomUUID()).append("tenantId", tenant)
            .append("creatorId", creators.get(i)).append("creatorName", "Bench Creator " + i)
            .append("campaignId", "bench").append("amount", new Decimal128(new BigDecimal("100.00").add(BigDecimal.valueOf(i, 2))))
            .append("currency", "EUR").append("status", "APPROVED").append("batchId", null));
      }
      mongo.getDatabase("claraop-payout").getCollection("invoices").insertMany(invoices);
    }
    Figures figures = new Figures("BatchAtScaleBenchmark").with("lines", lines);
    figures.with("seedSeconds", seconds(seeding));
    System.out.printf(Locale.ROOT, "seeded %d profiles (API) and invoices (Mongo) in %.1f s%n", lines, seconds(seeding));
    // Profiles are read from a projection that follows the event store: wait until it has caught up (the
    // last one written is readable), as an operator would before generating.
    long catchingUp = System.nanoTime();
    String last = creators.getLast();
    Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
        http.send(HttpRequest.newBuilder(URI.create(payout + "/api/payout-profiles/" + last))
            .header("Authorization", "Bearer " + api.token(firstAdmin)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    figures.with("profileProjectionBehindSeconds", seconds(catchingUp));
    System.out.printf(Locale.ROOT, "  profile projection caught up %.1f s later%n", seconds(catchingUp));

    String admin = api.token(firstAdmin); // a fresh token: seeding may outlast the first
    long generating = System.nanoTime();
    Api.Response generated = api.post("/api/batches", admin, "{\"currency\":\"EUR\"}");
    double toCreated = seconds(generating);
    if (generated.status() != 201) throw new IllegalStateException("generate: " + generated.status() + " " + generated.body());
    String batchId = generated.json().get("id").asString();
    figures.with("generateSeconds", toCreated);
    System.out.printf(Locale.ROOT, "generate %d lines through the gateway: 201 after %.2f s (%d bytes)%n", lines, toCreated,
        generated.body().length());
    // A deadline, so a stalled audit intake fails the run instead of hanging it.
    Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/audit/entries?resource=" + batchId, admin).body().contains(batchId));
    double audited = seconds(generating);
    figures.with("auditedSecondsAfter201", audited - toCreated);
    System.out.printf(Locale.ROOT, "  audit shows it %.2f s after the request%n", audited);

    String second = api.token(secondAdmin);
    Api.Response approved = api.post("/api/batches/" + batchId + "/approve", second, "{}");
    if (approved.status() / 100 != 2) throw new IllegalStateException("approve: " + approved.status() + " " + approved.body());
    // The lines are read from batch-views, a projection behind the event store: how long until the first page reads.
    Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/batches/" + batchId + "/lines?limit=1", admin).status() == 200);
    figures.with("linesReadableSecondsAfter201", seconds(generating) - toCreated);
    long listing = System.nanoTime();
    Api.Response list = api.get("/api/batches?limit=50", admin);
    figures.with("listSeconds", seconds(listing));
    long paging = System.nanoTime();
    Api.Response page = api.get("/api/batches/" + batchId + "/lines?limit=100", admin);
    figures.with("linePageSeconds", seconds(paging));
    if (list.status() != 200 || page.status() != 200) {
      throw new IllegalStateException("list " + list.status() + ", lines " + page.status() + " " + page.body());
    }
    for (String format : List.of("PAIN_001", "CSV")) export(payout, api, firstAdmin, batchId, format, figures);
    return figures;
  }

  private static void export(String payout, Api api, String firstAdmin, String batchId, String format, Figures figures)
      throws Exception {
    String admin = api.token(firstAdmin);
    HeapSampler heap = new HeapSampler(payout);
    Thread sampler = Thread.ofVirtual().start(heap);
    long started = System.nanoTime();
    Api.Response file = api.post("/api/batches/" + batchId + "/export", admin,
        "{\"purpose\":\"benchmark of a 10k-line export\",\"format\":\"" + format + "\"}");
    double took = seconds(started);
    heap.stop.set(true);
    sampler.join();
    if (file.status() != 200) throw new IllegalStateException("export: " + file.status() + " " + file.body());
    String key = format.equals("CSV") ? "Csv" : "Pain001";
    figures.with("export" + key + "Seconds", took).with("export" + key + "PeakHeapMb", heap.peak.get() / 1e6);
    System.out.printf(Locale.ROOT, "export %s: %.2f s, %,d bytes; payout-service heap before %.0f MB, peak during %.0f MB; "
            + "process resident high-water mark %s%n", format, took, file.body().length(), heap.before / 1e6, heap.peak.get() / 1e6,
        residentHighWaterMark());
  }

  /** Samples payout-service's used heap (all pools) from its Prometheus endpoint every 100 ms. */
  private static final class HeapSampler implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong peak = new AtomicLong();
    final String payout;
    final double before;

    HeapSampler(String payout) {
      this.payout = payout;
      this.before = usedHeap();
    }

    @Override
    public void run() {
      while (!stop.get()) {
        peak.accumulateAndGet((long) usedHeap(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private double usedHeap() {
      try {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(payout + "/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
      } catch (Exception e) {
        return 0;
      }
    }
  }

  private static String residentHighWaterMark() throws Exception {
    // ./claraop's supervisor (infra/devstack/supervise.sh) keeps the JVM's own pid in payout-service.jvm.
    Path pidFile = Path.of(System.getenv().getOrDefault("CLARAOP_STATE_DIR", ".devstack"), "run", "payout-service.jvm");
    if (!Files.exists(pidFile)) return "(pid file not found)";
    String pid = Files.readString(pidFile).trim();
    for (String candidate : List.of(pid)) {
      Path status = Path.of("/proc", candidate, "status");
      if (Files.exists(status)) {
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("?")
            .replaceAll("\\s+", " ");
      }
    }
    return "?";
  }

  /** A valid German IBAN (mod-97 check digits) for account number {@code n}. */
  static String germanIban(int n) {
    String bban = "37040044" + String.format(Locale.ROOT, "%010d", 532013000L + n);
    BigInteger numeric = new BigInteger(bban + "1314" + "00"); // D=13, E=14
    int check = 98 - numeric.mod(BigInteger.valueOf(97)).intValue();
    return "DE" + String.format(Locale.ROOT, "%02d", check) + bban;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private BatchAtScaleBenchmark() {}
}
