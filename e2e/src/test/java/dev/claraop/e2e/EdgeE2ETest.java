package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's edge in the running suite: real services and Keycloak behind it. Password logins pass
 * through the gateway and are rate-limited there; a browser reaches /app/** only after Keycloak's real
 * login page; every answer carries the security headers.
 */
class EdgeE2ETest {

  private static final String TOKEN_PATH = "/realms/claraop/protocol/openid-connect/token";
  private static Suite suite;
  private static Api api;

  @BeforeAll
  static void suite() {
    suite = Suite.get();
    api = new Api(suite);
    new Seeds(suite, api).allowSignInAt(suite.gateway);
  }

  @Test
  void a_token_obtained_through_the_gateway_is_accepted_and_answers_carry_the_edge_headers() {
    Api.Response token = login("admin@demo.claraop.dev", Api.DEMO_PASSWORD);
    assertThat(token.status()).isEqualTo(200);
    String accessToken = token.json().get("access_token").asString();
    HttpResponse<String> batches = raw(HttpRequest.newBuilder(URI.create(suite.gateway + "/api/batches"))
        .header("Authorization", "Bearer " + accessToken).build());
    assertThat(batches.statusCode()).isEqualTo(200);
    var headers = batches.headers();
    assertThat(headers.firstValue("Strict-Transport-Security")).hasValue("max-age=63072000; includeSubDomains; preload");
    assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
    assertThat(headers.firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
    assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(headers.firstValue("Content-Security-Policy")).isPresent();
    assertThat(headers.firstValue("Server")).isEmpty();
  }

  @Test
  void the_sixth_password_login_for_one_username_within_fifteen_minutes_is_refused_at_the_gateway() {
    String username = "nobody-" + UUID.randomUUID() + "@demo.claraop.dev";
    for (int i = 0; i < 5; i++) {
      assertThat(login(username, "wrong-" + i).status()).as("attempt %d", i + 1).isIn(400, 401);
    }
    Api.Response sixth = login(username, "wrong-6");
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.contentType()).startsWith("application/problem+json");
  }

  @Test
  void a_browser_is_sent_to_keycloaks_login_page_and_comes_back_signed_in() throws Exception {
    HttpClient browser = HttpClient.newBuilder().sslContext(api.sslContext()).cookieHandler(new BrowserCookies())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> app = browser.send(HttpRequest.newBuilder(URI.create(suite.gateway + "/app/batches"))
        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(app.statusCode()).isEqualTo(302);
    HttpResponse<String> loginPage = follow(browser, app, 3);
    assertThat(loginPage.uri().toString()).startsWith(suite.keycloak + "/realms/claraop/protocol/openid-connect/auth");
    assertThat(loginPage.statusCode()).isEqualTo(200);
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
    assertThat(action.find()).as("Keycloak's login form").isTrue();

    HttpResponse<String> submitted = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode("admin@demo.claraop.dev", StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(Api.DEMO_PASSWORD, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as("Keycloak accepts the login and sends the browser back").isEqualTo(302);
    HttpResponse<String> signedIn = follow(browser, submitted, 4);
    assertThat(signedIn.uri().getPath()).isEqualTo("/app/batches");
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.body()).as("the console's page").contains("<div id=\"root\"></div>");
    assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store");

    // The console's session is all the browser holds: the API answers it with the user's own token relayed.
    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(suite.gateway + "/api/identity/me")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(Api.JSON.readTree(me.body()).get("username").asString()).isEqualTo("admin@demo.claraop.dev");
    // A write made with the session needs the CSRF token.
    HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(suite.gateway + "/api/batches"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"currency\":\"USD\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
  }

  /**
   * Cookies as a browser keeps them: browsers treat http://localhost as a secure context and send it
   * Secure cookies (Keycloak marks its login-session cookies Secure even over HTTP); Java's CookieManager
   * does not, so for localhost it is asked as if the scheme were https.
   */
  private static final class BrowserCookies extends CookieHandler {
    private final CookieManager cookies = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
      boolean localhost = "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost());
      return cookies.get(localhost ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(uri, headers);
    }
  }

  private static HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response, int hops) throws Exception {
    while (response.statusCode() / 100 == 3 && hops-- > 0) {
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      response = browser.send(HttpRequest.newBuilder(next).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  private static Api.Response login(String username, String password) {
    return api.send(HttpRequest.newBuilder(URI.create(suite.gateway + TOKEN_PATH))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=claraop-web&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8))).build());
  }

  private static HttpResponse<String> raw(HttpRequest request) {
    try {
      return HttpClient.newBuilder().sslContext(api.sslContext()).build().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
