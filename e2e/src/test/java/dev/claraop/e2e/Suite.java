package dev.claraop.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The suite under test, started once per test run exactly as a developer starts it ({@code ./claraop up}),
 * on free ports and in a state folder of its own so it can run beside a developer's stack, and stopped
 * with {@code ./claraop down} when the JVM ends. With {@code CLARAOP_E2E_GATEWAY} set, a running suite
 * is used instead (its Keycloak at {@code CLARAOP_E2E_KEYCLOAK}, Mongo at {@code CLARAOP_E2E_MONGO}).
 */
final class Suite {

  final String gateway;
  final String keycloak;
  final String mongo;
  final String keycloakAdminPassword;
  /** The dev certificate the gateway serves: the tests trust it, and only it. */
  final Path tls;
  /** Where each component serves its metrics (the gateway on its management port). */
  final Map<String, String> metrics;
  /** The Prometheus that ./claraop up starts beside the suite, scraping it. */
  final String prometheus;
  /** Each service's own address (not the gateway), where it serves its OpenAPI description. */
  final Map<String, String> services;
  /** Where ./claraop writes each component's log ({@code <name>.log}). */
  final Path logs;
  /** The suite's Kafka broker (bootstrap servers). */
  final String kafka;

  /** How long the started suite keeps a closed batch's bank details. */
  static final String PURGE_AFTER = "PT5S";
  /**
   * How long the started suite lets a deletion be taken back (AccountErasureE2ETest). Long enough that the
   * authorization matrix, which asks for and takes back its callers' deletions row after row, never sees one end.
   */
  static final Duration DELETION_GRACE = Duration.ofSeconds(45);

  private static Suite running;
  /** The environment ./claraop runs under for this suite (ports, state folder, periods): empty for a running one. */
  private static Map<String, String> stackEnv = Map.of();

  private Suite(String gateway, String keycloak, String mongo, String keycloakAdminPassword, Path tls,
      Map<String, String> ports) {
    this.logs = tls.getParent().resolve("logs");
    this.kafka = "127.0.0.1:" + ports.getOrDefault("CLARAOP_KAFKA_PORT", "9092");
    this.gateway = gateway;
    this.keycloak = keycloak;
    this.mongo = mongo;
    this.keycloakAdminPassword = keycloakAdminPassword;
    this.tls = tls;
    Map<String, String> metrics = new HashMap<>();
    Map.of("gateway", "GATEWAY_MANAGEMENT", "identity-service", "IDENTITY", "payout-service", "PAYOUT",
        "gmail-ingest-service", "GMAIL_INGEST", "audit-service", "AUDIT", "retention-service", "RETENTION",
        "support-access-service", "SUPPORT_ACCESS").forEach((service, port) -> metrics.put(service,
        "http://127.0.0.1:" + ports.get("CLARAOP_" + port + "_PORT") + "/actuator/prometheus"));
    this.metrics = Map.copyOf(metrics);
    Map<String, String> services = new HashMap<>();
    Map.of("identity-service", "IDENTITY", "payout-service", "PAYOUT", "gmail-ingest-service", "GMAIL_INGEST",
        "audit-service", "AUDIT", "retention-service", "RETENTION", "support-access-service", "SUPPORT_ACCESS")
        .forEach((service, port) -> services.put(service, "http://127.0.0.1:" + ports.get("CLARAOP_" + port + "_PORT")));
    this.services = Map.copyOf(services);
    this.prometheus = "http://127.0.0.1:" + ports.getOrDefault("CLARAOP_PROMETHEUS_PORT", "9090");
  }

  /** The devstack's default ports (DESIGN §10), for a running suite. */
  private static final Map<String, String> DEFAULT_PORTS = Map.of("CLARAOP_GATEWAY_MANAGEMENT_PORT", "8091",
      "CLARAOP_IDENTITY_PORT", "8081", "CLARAOP_PAYOUT_PORT", "8082", "CLARAOP_GMAIL_INGEST_PORT", "8083",
      "CLARAOP_AUDIT_PORT", "8084", "CLARAOP_RETENTION_PORT", "8085", "CLARAOP_SUPPORT_ACCESS_PORT", "8086");

  /** A running suite's ports: the defaults, unless the environment moves them as it does for ./claraop. */
  private static Map<String, String> runningPorts() {
    Map<String, String> ports = new HashMap<>(DEFAULT_PORTS);
    ports.replaceAll((name, port) -> System.getenv().getOrDefault(name, port));
    return ports;
  }

  static synchronized Suite get() {
    if (running == null) running = start();
    return running;
  }

  private static Suite start() {
    String given = System.getenv("CLARAOP_E2E_GATEWAY");
    Path root = Path.of(System.getProperty("claraop.root", "..")).toAbsolutePath().normalize();
    if (given != null) {
      try {
        // The variable wins, and only without it is the running stack's own file read (its state folder is
        // CLARAOP_STATE_DIR, else .devstack under the repository root).
        String adminPassword = System.getenv("CLARAOP_E2E_KEYCLOAK_ADMIN_PASSWORD");
        Path state = Path.of(System.getenv().getOrDefault("CLARAOP_STATE_DIR", root.resolve(".devstack").toString()));
        String password = adminPassword != null ? adminPassword : Files.readString(state.resolve("keycloak/admin-password")).trim();
        return new Suite(given, System.getenv().getOrDefault("CLARAOP_E2E_KEYCLOAK", "http://localhost:8180"),
            System.getenv().getOrDefault("CLARAOP_E2E_MONGO", "mongodb://127.0.0.1:27017"), password,
            state.resolve("tls"), runningPorts());
      } catch (IOException e) {
        throw new IllegalStateException("set CLARAOP_E2E_KEYCLOAK_ADMIN_PASSWORD for the running suite", e);
      }
    }
    // A benchmark beside the tests moves its stack elsewhere (-Dclaraop.e2e.stack=e2e/target/bench-stack).
    Path state = root.resolve(System.getProperty("claraop.e2e.stack", "e2e/target/stack"));
    deleteRecursively(state); // every run starts from empty stores, as on a fresh clone
    Map<String, String> ports = new HashMap<>();
    java.util.Set<Integer> taken = new java.util.HashSet<>();
    for (String name : new String[] {"GATEWAY", "GATEWAY_HTTP", "GATEWAY_MANAGEMENT", "KEYCLOAK", "KEYCLOAK_MANAGEMENT", "KAFKA",
        "KAFKA_CONTROLLER", "MONGO", "GOOGLE", "PROMETHEUS", "IDENTITY", "PAYOUT", "GMAIL_INGEST", "AUDIT",
        "RETENTION", "SUPPORT_ACCESS", "ALERTMANAGER"}) {
      int port;
      do port = freePort(); while (!taken.add(port));
      ports.put("CLARAOP_" + name + "_PORT", String.valueOf(port));
    }
    ports.put("CLARAOP_STATE_DIR", state.toString());
    // Short retention (issue 8): payout refuses and retention schedules a purge this long after a batch closes;
    // the daily schedule is off, runs are asked for (PayoutPurgeE2ETest).
    ports.put("CLARAOP_PAYOUT_PURGE_AFTER", PURGE_AFTER);
    ports.put("CLARAOP_RETENTION_PAYOUT_PURGE_AFTER", PURGE_AFTER);
    ports.put("CLARAOP_RETENTION_PAYOUT_PURGE_CRON", "-");
    // Short erasure periods (issue 8): the grace, how often retention looks for ended ones, how long it waits for a
    // service's confirmation before asking again.
    ports.put("CLARAOP_IDENTITY_ACCOUNT_DELETIONGRACE", DELETION_GRACE.toString());
    ports.put("CLARAOP_RETENTION_ERASURE_POLLINTERVAL", "PT2S");
    ports.put("CLARAOP_RETENTION_ERASURE_CONFIRMTIMEOUT", "PT20S");
    ports.put("CLARAOP_AOT", "use"); // a developer's trained AOT caches speed this up; the tests train none
    ports.put("CLARAOP_SERVICE_JVM_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx320m");
    stackEnv = Map.copyOf(ports);
    run(root, ports, Duration.ofMinutes(10), "up");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> run(root, ports, Duration.ofMinutes(2), "down")));
    try {
      return new Suite("https://localhost:" + ports.get("CLARAOP_GATEWAY_PORT"),
          "http://localhost:" + ports.get("CLARAOP_KEYCLOAK_PORT"),
          "mongodb://127.0.0.1:" + ports.get("CLARAOP_MONGO_PORT"),
          Files.readString(state.resolve("keycloak/admin-password")).trim(), state.resolve("tls"), ports);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops one service of the suite ({@code ./claraop stop}), to see how the others cope without it. */
  void stop(String service) {
    run(root(), stackEnv, Duration.ofMinutes(2), "stop", service);
  }

  /** Starts a stopped service again and waits until it is ready ({@code ./claraop start}). */
  void start(String service) {
    run(root(), stackEnv, Duration.ofMinutes(4), "start", service);
  }

  private static Path root() {
    return Path.of(System.getProperty("claraop.root", "..")).toAbsolutePath().normalize();
  }

  private static void run(Path root, Map<String, String> env, Duration timeout, String... command) {
    try {
      java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(root.resolve("claraop").toString()));
      line.addAll(java.util.List.of(command));
      ProcessBuilder builder = new ProcessBuilder(line)
          .directory(root.toFile()).inheritIO();
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroy();
        throw new IllegalStateException("./claraop " + String.join(" ", command) + " did not finish in " + timeout);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("./claraop " + String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException("cannot clear " + dir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
