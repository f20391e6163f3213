package dev.claraop.e2e.bench;

import dev.claraop.e2e.Figures;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What the gateway adds to a call: the same authenticated GET sent to payout-service directly (plain HTTP,
 * as the gateway itself calls it) and through the gateway (TLS, token check, rate limit, breaker, headers),
 * interleaved in one run at a fixed rate. Open model: each request is sent at its scheduled time whether or
 * not earlier ones have returned, and its latency counts from that time, so a stall is not hidden
 * (no coordinated omission).
 *
 * <p>Against a running {@code ./claraop up}:
 * {@code ./mvnw -q -pl e2e test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.claraop.e2e.bench.GatewayLatencyBenchmark [-Dexec.args="<rate per target> <seconds>"]}
 */
public final class GatewayLatencyBenchmark {

  /** Issue 19's measure: a small page of invoices, so the service's own work stays small beside the gateway's. */
  private static final String PATH = "/api/invoices?limit=5";

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Path state = Path.of(System.getenv().getOrDefault("CLARAOP_STATE_DIR", ".devstack")).toAbsolutePath();
    String gateway = "https://localhost:" + env("CLARAOP_GATEWAY_PORT", "8443");
    String direct = "http://127.0.0.1:" + env("CLARAOP_PAYOUT_PORT", "8082");
    String keycloak = "http://localhost:" + env("CLARAOP_KEYCLOAK_PORT", "8180");
    HttpClient http = HttpClient.newBuilder().sslContext(trusting(state.resolve("tls")))
        .connectTimeout(Duration.ofSeconds(5)).build();
    measure(http, gateway, direct, token(http, keycloak), rate, seconds, 10).print(TARGETS);
  }

  /** Issue 19's targets, and the figures measured before the work on them. */
  public static final List<Figures.Target> TARGETS = List.of(
      new Figures.Target("p50OverheadMs", "p50 added by the gateway, ms", 3.0, "+6.9 ms"),
      new Figures.Target("p99Ratio", "p99 through the gateway / direct", 1.2, "1.53x"));

  /**
   * Warms both paths (JIT, connection pools) for {@code warmSeconds}, then sends {@code rate} requests per second to
   * each for {@code seconds}, interleaved, and prints each target's latencies.
   */
  public static Figures measure(HttpClient http, String gateway, String direct, String token, int rate, int seconds,
      int warmSeconds) throws InterruptedException {
    if (warmSeconds > 0) run(http, List.of(direct, gateway), token, rate, warmSeconds);
    Result[] results = run(http, List.of(direct, gateway), token, rate, seconds);
    System.out.printf("%d requests per second to each target, %d s, interleaved, latency from the scheduled send%n",
        rate, seconds);
    System.out.printf("%-34s %8s %8s %8s %8s %8s %7s%n", "target", "n", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
    print("payout-service direct (HTTP)", results[0]);
    print("through the gateway (HTTPS)", results[1]);
    System.out.printf("added by the gateway: p50 %+.2f ms, p99 %+.2f ms%n",
        results[1].percentile(50) - results[0].percentile(50), results[1].percentile(99) - results[0].percentile(99));
    return new Figures("GatewayLatencyBenchmark").with("ratePerTarget", rate).with("seconds", seconds)
        .with("directP50Ms", results[0].percentile(50)).with("directP99Ms", results[0].percentile(99))
        .with("gatewayP50Ms", results[1].percentile(50)).with("gatewayP99Ms", results[1].percentile(99))
        .with("p50OverheadMs", results[1].percentile(50) - results[0].percentile(50))
        .with("p99Ratio", results[1].percentile(99) / results[0].percentile(99))
        .with("directErrors", results[0].errors()).with("gatewayErrors", results[1].errors());
  }

  record Result(long[] nanos, int errors) {
    double percentile(double p) {
      if (nanos.length == 0) return Double.NaN;
      int index = (int) Math.ceil(p / 100 * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1e6;
    }
  }

  private static Result[] run(HttpClient http, List<String> targets, String token, int rate, int seconds)
      throws InterruptedException {
    int perTarget = rate * seconds;
    long interval = 1_000_000_000L / ((long) rate * targets.size());
    List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
    List<AtomicInteger> errors = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      latencies.add(new ConcurrentLinkedQueue<>());
      errors.add(new AtomicInteger());
    }
    CountDownLatch done = new CountDownLatch(perTarget * targets.size());
    long start = System.nanoTime();
    for (int n = 0; n < perTarget * targets.size(); n++) {
      int target = n % targets.size();
      long scheduled = start + n * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      HttpRequest request = HttpRequest.newBuilder(URI.create(targets.get(target) + PATH))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
        if (failure != null || response.statusCode() != 200) {
          // The first failure of each target is named, so an error count never hides its cause.
          if (errors.get(target).getAndIncrement() == 0) {
            System.out.println("  first error from " + targets.get(target) + ": "
                + (failure != null ? failure : "HTTP " + response.statusCode()));
          }
        }
        else latencies.get(target).add(System.nanoTime() - scheduled);
        done.countDown();
      });
    }
    done.await();
    Result[] results = new Result[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      long[] sorted = latencies.get(i).stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      results[i] = new Result(sorted, errors.get(i).get());
    }
    return results;
  }

  private static void print(String name, Result result) {
    System.out.printf("%-34s %8d %8.2f %8.2f %8.2f %8.2f %7d%n", name, result.nanos().length, result.percentile(50),
        result.percentile(90), result.percentile(99), result.percentile(100), result.errors());
  }

  static String token(HttpClient http, String keycloak) throws Exception {
    String body = "grant_type=password&client_id=claraop-web&username=admin%40demo.claraop.dev&password="
        + URLEncoder.encode("Demo-Password-1!", StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(keycloak + "/realms/claraop/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
    if (!token.find()) throw new IllegalStateException("no token from Keycloak: " + response.statusCode());
    return token.group(1);
  }

  private static SSLContext trusting(Path tls) throws Exception {
    try (InputStream in = Files.newInputStream(tls.resolve("gateway.p12"))) {
      char[] password = Files.readString(tls.resolve("password")).trim().toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    }
  }

  private static String env(String name, String fallback) {
    return System.getenv().getOrDefault(name, fallback);
  }

  private GatewayLatencyBenchmark() {}
}
