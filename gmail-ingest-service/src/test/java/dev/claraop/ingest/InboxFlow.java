package dev.claraop.ingest;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.claraop.platform.security.Role;
import dev.claraop.test.GoogleFixture;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The browser's part of connecting an inbox: ask ClaraOP, consent at the Google stand-in, come back. */
public final class InboxFlow {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Where Google sent the browser back: the callback's query. */
  public record Redirect(String state, String code, String error) {}

  private final MockMvc http;

  public InboxFlow(MockMvc http) {
    this.http = http;
  }

  public static RequestPostProcessor admin(String tenant) {
    return tenantUser("admin-" + tenant, tenant, Role.ADMIN);
  }

  public static RequestPostProcessor manager(String tenant, String id) {
    return tenantUser(id, tenant, Role.MANAGER);
  }

  public URI authorizationUrl(RequestPostProcessor caller) throws Exception {
    MvcResult result = http.perform(post("/api/inbox/connect").with(caller)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return URI.create(JSON.readTree(result.getResponse().getContentAsString()).get("authorizationUrl").asString());
  }

  /** Consents at the stand-in as {@code account} (its login hint), following Google's redirect up to the callback. */
  public static Redirect consent(URI authorizationUrl, String account) throws Exception {
    URI withAccount = URI.create(authorizationUrl + "&login_hint=" + URLEncoder.encode(account, StandardCharsets.UTF_8));
    HttpResponse<String> consent = BROWSER.send(HttpRequest.newBuilder(withAccount).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(consent.statusCode()).as("the stand-in's consent").isEqualTo(302);
    Map<String, String> query = query(URI.create(consent.headers().firstValue("Location").orElseThrow()));
    return new Redirect(query.get("state"), query.get("code"), query.get("error"));
  }

  public MvcResult callback(Redirect redirect) throws Exception {
    var request = get("/api/inbox/oauth/callback");
    if (redirect.state() != null) request.queryParam("state", redirect.state());
    if (redirect.code() != null) request.queryParam("code", redirect.code());
    if (redirect.error() != null) request.queryParam("error", redirect.error());
    return http.perform(request).andReturn();
  }

  /** Connects {@code account}'s inbox as {@code caller}; the new mailbox's id. */
  public String connect(RequestPostProcessor caller, String account) throws Exception {
    MvcResult back = callback(consent(authorizationUrl(caller), account));
    assertThat(back.getResponse().getStatus()).as(back.getResponse().getContentAsString()).isEqualTo(303);
    return query(URI.create(back.getResponse().getHeader("Location"))).get("connected");
  }

  public JsonNode mailboxes(RequestPostProcessor caller) throws Exception {
    return JSON.readTree(http.perform(get("/api/inbox").with(caller)).andReturn().getResponse().getContentAsString());
  }

  /** The tokens the stand-in issued for {@code code}, read from its request journal as only a test may. */
  public static JsonNode issuedFor(String code) {
    for (ServeEvent event : GoogleFixture.standIn().orElseThrow().server().getAllServeEvents()) {
      if (event.getRequest().getUrl().startsWith("/token") && event.getRequest().getBodyAsString()
          .contains("code=" + URLEncoder.encode(code, StandardCharsets.UTF_8))) {
        return JSON.readTree(event.getResponse().getBodyAsString());
      }
    }
    throw new AssertionError("no token exchange for that code");
  }

  public static long requests(String pathPrefix, String bodyOrQueryContains) {
    return GoogleFixture.standIn().orElseThrow().server().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(pathPrefix))
        .filter(e -> bodyOrQueryContains == null || e.getRequest().getUrl().contains(bodyOrQueryContains)
            || e.getRequest().getBodyAsString().contains(bodyOrQueryContains))
        .count();
  }

  /** POSTs to the stand-in's on-demand controls for {@code account}. */
  public static String standIn(String account, String action, String form) throws Exception {
    return BROWSER.send(HttpRequest.newBuilder(URI.create(GoogleFixture.baseUrl() + "/standin/accounts/"
            + URLEncoder.encode(account, StandardCharsets.UTF_8) + "/" + action))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** A refresh at the stand-in with {@code refreshToken}: its raw answer. */
  public static String refreshAtGoogle(String refreshToken) throws Exception {
    return BROWSER.send(HttpRequest.newBuilder(URI.create(GoogleFixture.baseUrl() + "/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=claraop-test&refresh_token="
            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  public static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) return values;
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}
