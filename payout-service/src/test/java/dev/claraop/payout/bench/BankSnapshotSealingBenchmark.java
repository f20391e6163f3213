package dev.claraop.payout.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.claraop.devstack.MongoStandIn;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.MasterKeyRing;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.Subject;
import dev.claraop.platform.crypto.shredding.SubjectKey;
import dev.claraop.platform.crypto.shredding.SubjectKeys;
import dev.claraop.platform.crypto.shredding.mongo.MongoDataKeyStore;
import dev.claraop.test.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A benchmark, not a test: what batch generation and export pay in data-key work, per field
 * ({@code DataKeys.decrypt}/{@code encrypt} for every line, as before) against per subject ({@code openAll} for
 * the profiles, one {@code open} of the batch key), side by side against mongo-java-server in this JVM with
 * {@link MongoDataKeyStore}. Only the data-key work is timed: the profile query is the same one in both.
 *
 * <pre>{@code
 * ./mvnw -B -o -pl payout-service test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.claraop.payout.bench.BankSnapshotSealingBenchmark 10000"
 * }</pre>
 *
 * or run {@code main} from the IDE; the argument is the number of lines (default 10,000). The run ends with one line
 * of JSON holding every figure; {@code BankSnapshotSealingBenchmarkTest} runs it at 20 lines in every build.
 */
public final class BankSnapshotSealingBenchmark {

  private static final String TENANT = "bench";

  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Figures figures = run(lines);
    System.out.printf("%n%,d lines, MongoDataKeyStore on mongo-java-server (in-process, in-memory)%n", lines);
    System.out.printf("%-34s %12s %12s %16s%n", "", "seal (ms)", "export (ms)", "Mongo commands");
    System.out.printf("%-34s %,12d %,12d %,16d%n", "before: per field decrypt/encrypt", figures.get("perFieldSealMillis"),
        figures.get("perFieldExportMillis"), figures.get("perFieldMongoCommands"));
    System.out.printf("%-34s %,12d %,12d %,16d%n", "after: openAll + open per subject", figures.get("perSubjectSealMillis"),
        figures.get("perSubjectExportMillis"), figures.get("perSubjectMongoCommands"));
    System.out.printf("speed-up: seal x%.1f, export x%.1f%n", figures.get("sealSpeedUp"), figures.get("exportSpeedUp"));
    System.out.println(figures.json());
  }

  /** Both ways over {@code lines} profiles on a fresh in-memory stand-in; every figure, printed only the setup's. */
  public static Figures run(int lines) {
    AtomicLong commands = new AtomicLong();
    CommandListener counting = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        commands.incrementAndGet();
      }
    };
    try (MongoStandIn server = MongoStandIn.inMemory("127.0.0.1", 0);
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.connectionString()))
            .addCommandListener(counting).build())) {
      DataKeys dataKeys = new DataKeys(MasterKeyRing.fromConfig(MasterKeyRing.DEV_ONLY_MASTER_KEYS),
          new MongoDataKeyStore(new MongoTemplate(client, "bank-snapshot-bench")));

      long setup = System.nanoTime();
      List<Subject> owners = IntStream.range(0, lines).mapToObj(i -> Subject.of("payout-profile", TENANT + ".c" + i)).toList();
      List<Ciphertext> profiles = new ArrayList<>(lines);
      for (int i = 0; i < lines; i++) {
        dataKeys.createKey(owners.get(i));
        profiles.add(dataKeys.encrypt(owners.get(i), profileJson(i)));
      }
      long setupMillis = millisSince(setup);
      System.out.printf("setup: %,d profiles with their own data keys in %,d ms%n", lines, setupMillis);

      // Warm the JIT on a slice with both ways before timing.
      int warm = Math.min(500, lines);
      perField(dataKeys, owners.subList(0, warm), profiles.subList(0, warm), "warm-a");
      perSubject(dataKeys, owners.subList(0, warm), profiles.subList(0, warm), "warm-b");

      Result before = perField(dataKeys, owners, profiles, "before");
      Result after = perSubject(dataKeys, owners, profiles, "after");
      long beforeCommands = countCommands(commands, () -> perField(dataKeys, owners, profiles, "before-count"));
      long afterCommands = countCommands(commands, () -> perSubject(dataKeys, owners, profiles, "after-count"));

      return new Figures("BankSnapshotSealingBenchmark").with("lines", lines).with("setupMillis", setupMillis)
          .with("perFieldSealMillis", before.sealMillis).with("perFieldExportMillis", before.exportMillis)
          .with("perFieldMongoCommands", beforeCommands)
          .with("perSubjectSealMillis", after.sealMillis).with("perSubjectExportMillis", after.exportMillis)
          .with("perSubjectMongoCommands", afterCommands)
          .with("sealSpeedUp", (double) before.sealMillis / Math.max(1, after.sealMillis))
          .with("exportSpeedUp", (double) before.exportMillis / Math.max(1, after.exportMillis));
    }
  }

  private record Result(long sealMillis, long exportMillis) {}

  /** The old path: every line looks up and unwraps the profile's key, then the batch key, then (export) again. */
  private static Result perField(DataKeys dataKeys, List<Subject> owners, List<Ciphertext> profiles, String batchId) {
    Subject batch = Subject.of("batch", batchId);
    long start = System.nanoTime();
    dataKeys.createKey(batch);
    List<Ciphertext> sealed = new ArrayList<>(owners.size());
    for (int i = 0; i < owners.size(); i++) {
      String plaintext = dataKeys.decrypt(owners.get(i), profiles.get(i)).orElseThrow();
      sealed.add(dataKeys.encrypt(batch, plaintext));
    }
    long seal = millisSince(start);
    start = System.nanoTime();
    for (int i = 0; i < sealed.size(); i++) check(dataKeys.decrypt(batch, sealed.get(i)).orElseThrow(), i);
    return new Result(seal, millisSince(start));
  }

  /** The new path: one query and one unwrap per subject for the operation, the keys zeroed at its end. */
  private static Result perSubject(DataKeys dataKeys, List<Subject> owners, List<Ciphertext> profiles, String batchId) {
    Subject batch = Subject.of("batch", batchId);
    long start = System.nanoTime();
    dataKeys.createKey(batch);
    List<Ciphertext> sealed = new ArrayList<>(owners.size());
    try (SubjectKeys ownerKeys = dataKeys.openAll(owners); SubjectKey batchKey = dataKeys.open(batch)) {
      if (System.getenv("BENCH_DEBUG") != null) System.out.printf("  %s: openAll+open %,d ms%n", batchId, millisSince(start));
      for (int i = 0; i < owners.size(); i++) {
        String plaintext = ownerKeys.get(owners.get(i)).decrypt(profiles.get(i)).orElseThrow();
        sealed.add(batchKey.encrypt(plaintext));
      }
    }
    long seal = millisSince(start);
    start = System.nanoTime();
    try (SubjectKey batchKey = dataKeys.open(batch)) {
      for (int i = 0; i < sealed.size(); i++) check(batchKey.decrypt(sealed.get(i)).orElseThrow(), i);
    }
    return new Result(seal, millisSince(start));
  }

  private static long countCommands(AtomicLong commands, Runnable run) {
    long before = commands.get();
    run.run();
    return commands.get() - before;
  }

  private static void check(String opened, int line) {
    if (!opened.equals(profileJson(line))) throw new IllegalStateException("line " + line + " opened to another value");
  }

  // Synthetic, not a real account: the shape and size of a sealed profile.
  private static String profileJson(int i) {
    return "{\"account\":{\"holder\":\"Creator %d\",\"iban\":\"DE00%018d\",\"bic\":\"BENCHDEFFXXX\"},\"taxId\":\"BENCH%06d\"}"
        .formatted(i, i, i);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private BankSnapshotSealingBenchmark() {}
}
