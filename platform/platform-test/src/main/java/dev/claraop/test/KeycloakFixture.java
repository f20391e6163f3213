package dev.claraop.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The real Keycloak server with realm {@code claraop}, started at most once per test JVM.
 * {@code CLARAOP_TEST_KEYCLOAK_URL} (+ {@code CLARAOP_TEST_KEYCLOAK_ADMIN_PASSWORD}) → the
 * {@code quay.io/keycloak/keycloak} container → the distribution from Maven Central that the build unpacks
 * into infra/keycloak/target and builds once for optimized starts (infra/keycloak/prepare.sh).
 */
public final class KeycloakFixture {

  /** @param baseUrl e.g. http://localhost:PORT; tokens name {@code baseUrl + "/realms/claraop"} as issuer */
  public record Server(String baseUrl, String adminPassword) {

    public String issuer() {
      return baseUrl + "/realms/claraop";
    }

    public String jwkSetUri() {
      return issuer() + "/protocol/openid-connect/certs";
    }

    /** An access token by the password grant, which the dev realm's client allows. */
    public String accessToken(String username, String password) {
      String form = "grant_type=password&client_id=claraop-web&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      try {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.statusCode());
        }
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(start, body.indexOf('"', start));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public static final String IMAGE = "quay.io/keycloak/keycloak:26.4";
  private static Server server;

  public static synchronized Server server() {
    if (server == null) server = start();
    return server;
  }

  private static Server start() {
    String given = Resolution.fromEnvironment("CLARAOP_TEST_KEYCLOAK_URL");
    if (given != null) return new Server(given, Resolution.fromEnvironment("CLARAOP_TEST_KEYCLOAK_ADMIN_PASSWORD"));
    Path root = repositoryRoot();
    Path realm = root.resolve("infra/keycloak/realm/claraop-realm.json");
    String adminPassword = UUID.randomUUID().toString();
    if (Resolution.dockerAvailable()) {
      GenericContainer<?> container = new GenericContainer<>(IMAGE)
          .withExposedPorts(8080, 9000)
          .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin").withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword)
          .withCopyFileToContainer(MountableFile.forHostPath(realm), "/opt/keycloak/data/import/claraop-realm.json")
          // The realm's password policy names our bcrypt provider (infra/keycloak/bcrypt-provider).
          .withCopyFileToContainer(MountableFile.forHostPath(
              root.resolve("infra/keycloak/bcrypt-provider/target/keycloak-bcrypt-provider.jar")),
              "/opt/keycloak/providers/claraop-bcrypt.jar")
          .withCommand("start-dev", "--import-realm", "--health-enabled=true")
          .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(3)));
      container.start();
      // The issuer must be what clients call, so the mapped port is the base URL.
      return new Server("http://localhost:" + container.getMappedPort(8080), adminPassword);
    }
    return startDistribution(root, adminPassword);
  }

  private static Server startDistribution(Path root, String adminPassword) {
    String version = System.getProperty("claraop.keycloak.version", "26.7.3");
    Path home = root.resolve("infra/keycloak/target/keycloak-" + version);
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("no Keycloak distribution at " + home + ": run ./mvnw package first");
    }
    try {
      run(List.of("bash", root.resolve("infra/keycloak/prepare.sh").toString(), home.toString()), Duration.ofMinutes(5));
      int http = freePort();
      int management = freePort();
      Path state = Files.createTempDirectory("claraop-keycloak-");
      ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
          "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + http, "--http-management-port=" + management,
          "--hostname=http://localhost:" + http, "--cache=local",
          "--db-url=jdbc:h2:file:" + state.resolve("db/keycloakdb") + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE",
          "--import-realm")
          .redirectErrorStream(true).redirectOutput(state.resolve("keycloak.log").toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
      builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 "
          + "-Dquarkus.transaction-manager.object-store.directory=" + state.resolve("tx"));
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        process.descendants().forEach(ProcessHandle::destroy); // kc.sh runs the server as its child
        process.destroy();
      }, "keycloak-fixture-stop"));
      awaitReady(process, "http://127.0.0.1:" + management + "/health/ready", state.resolve("keycloak.log"));
      return new Server("http://localhost:" + http, adminPassword);
    } catch (IOException e) {
      throw new IllegalStateException("could not start Keycloak", e);
    }
  }

  private static void awaitReady(Process process, String health, Path log) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IllegalStateException("Keycloak exited while starting; see " + log);
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      process.onExit().completeOnTimeout(process, 500, java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }
    throw new IllegalStateException("Keycloak was not ready within 4 minutes; see " + log);
  }

  private static void run(List<String> command, Duration timeout) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The checkout this build runs in; Maven tells the test JVM (claraop.root), else walk up to the parent pom. */
  static Path repositoryRoot() {
    String given = System.getProperty("claraop.root");
    if (given != null) return Path.of(given);
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("claraop"))) dir = dir.getParent();
    if (dir == null) throw new IllegalStateException("cannot find the repository root (set -Dclaraop.root)");
    return dir;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private KeycloakFixture() {}
}
