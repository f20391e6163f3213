package dev.claraop.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the suite as a browser or script sees it: Keycloak for tokens, the gateway over TLS for the rest. */
final class Api {

  static final String DEMO_PASSWORD = "Demo-Password-1!";
  static final JsonMapper JSON = JsonMapper.builder().build();

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private final Suite suite;
  private final SSLContext tls;
  private final HttpClient http;

  Api(Suite suite) {
    this.suite = suite;
    this.tls = trusting(suite);
    this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A real access token from Keycloak's token endpoint (the dev realm allows the password grant). */
  String token(String username) {
    return token(username, DEMO_PASSWORD);
  }

  String token(String username, String password) {
    Response response = send(HttpRequest.newBuilder(URI.create(suite.keycloak + "/realms/claraop/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=claraop-web&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8))).build());
    if (response.status() != 200) throw new IllegalStateException("no token for " + username + ": " + response.status());
    return response.json().get("access_token").asString();
  }

  /** The token endpoint's status for a password login of {@code username}: 200 signed in, 400/401 refused. */
  int tokenStatus(String username) {
    return send(HttpRequest.newBuilder(URI.create(suite.keycloak + "/realms/claraop/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=claraop-web&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8))).build()).status();
  }

  /** A token of Keycloak's own admin (master realm), for the admin API. */
  String keycloakAdminToken() {
    return send(HttpRequest.newBuilder(URI.create(suite.keycloak + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode(suite.keycloakAdminPassword, StandardCharsets.UTF_8))).build())
        .json().get("access_token").asString();
  }

  /** Trusts the gateway's dev certificate, and only it. */
  SSLContext sslContext() {
    return tls;
  }

  Response get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway + path)).GET();
    if (token != null) request.header("Authorization", "Bearer " + token);
    return send(request.build());
  }

  Response post(String path, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gateway + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) request.header("Authorization", "Bearer " + token);
    return send(request.build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext trusting(Suite suite) {
    try (InputStream in = Files.newInputStream(suite.tls.resolve("gateway.p12"))) {
      char[] password = Files.readString(suite.tls.resolve("password")).trim().toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the gateway's dev certificate", e);
    }
  }
}
