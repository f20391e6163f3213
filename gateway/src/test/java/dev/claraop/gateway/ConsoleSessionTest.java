package dev.claraop.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's backend for frontend: a browser signs in through Keycloak (a stand-in here that answers the
 * code exchange with signed tokens), keeps only the gateway's HttpOnly session cookie, and calls the API
 * with it; the gateway relays the user's access token (refreshing it), wants the CSRF token on writes, and
 * signs out at Keycloak too.
 */
class ConsoleSessionTest extends GatewayTestSupport {

  private static final String TOKEN_PATH = "/realms/claraop/protocol/openid-connect/token";
  private static final String SESSION = "__Host-claraop-session";

  /** The cookies a browser would keep for the gateway. */
  private final Map<String, String> jar = new LinkedHashMap<>();
  private String subject;
  private String accessToken;
  private String idToken;

  @Test
  void a_signed_in_browser_holds_only_an_http_only_session_cookie_and_its_api_calls_carry_the_users_token() throws Exception {
    signIn(300);
    assertThat(jar).containsKeys(SESSION, "XSRF-TOKEN");
    services.stubFor(get("/api/invoices").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"items\":[],\"nextCursor\":null}")));

    session(https.get().uri("/api/invoices")).exchange().expectStatus().isOk();

    services.verify(getRequestedFor(urlEqualTo("/api/invoices"))
        .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken))
        .withHeader(HttpHeaders.COOKIE, absent()));
  }

  @Test
  void a_write_with_the_session_but_without_the_csrf_token_is_refused_and_reaches_no_service() throws Exception {
    signIn(300);
    services.stubFor(post("/api/batches").willReturn(aResponse().withStatus(201)));

    session(https.post().uri("/api/batches")).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"currency\":\"USD\"}")
        .exchange().expectStatus().isForbidden()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    session(https.post().uri("/api/batches")).header("X-XSRF-TOKEN", "forged")
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"currency\":\"USD\"}")
        .exchange().expectStatus().isForbidden();
    services.verify(0, postRequestedFor(urlEqualTo("/api/batches")));

    session(https.post().uri("/api/batches")).header("X-XSRF-TOKEN", jar.get("XSRF-TOKEN"))
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"currency\":\"USD\"}")
        .exchange().expectStatus().isCreated();
    services.verify(postRequestedFor(urlEqualTo("/api/batches"))
        .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken)));
  }

  @Test
  void a_bearer_request_needs_no_csrf_token_and_makes_no_session() throws Exception {
    services.stubFor(post("/api/batches").willReturn(aResponse().withStatus(201)));
    String bearer = token();
    var result = https.post().uri("/api/batches").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"currency\":\"USD\"}")
        .exchange().expectStatus().isCreated().expectBody().returnResult();
    assertThat(result.getResponseCookies()).isEmpty();
    services.verify(postRequestedFor(urlEqualTo("/api/batches"))
        .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + bearer)));
  }

  @Test
  void an_expired_access_token_is_refreshed_before_it_is_relayed() throws Exception {
    signIn(5); // inside the refresh margin: the next relay refreshes first
    String refreshed = accessToken(Instant.now().plusSeconds(300));
    keycloak.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(tokens(refreshed, 300)));
    services.stubFor(get("/api/invoices").willReturn(aResponse().withStatus(200)));

    session(https.get().uri("/api/invoices")).exchange().expectStatus().isOk();

    keycloak.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=refresh-1")));
    services.verify(getRequestedFor(urlEqualTo("/api/invoices"))
        .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + refreshed)));
  }

  @Test
  void a_session_whose_tokens_cannot_be_refreshed_has_ended() throws Exception {
    signIn(5);
    keycloak.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}")));

    session(https.get().uri("/api/invoices")).exchange().expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    session(https.get().uri("/api/invoices")).exchange().expectStatus().isUnauthorized();
    services.verify(0, getRequestedFor(urlEqualTo("/api/invoices")));
  }

  @Test
  void signing_out_ends_the_gateway_session_and_sends_the_browser_to_keycloaks_end_session_endpoint() throws Exception {
    signIn(300);
    // Without the token a cross-site form could sign a user out.
    session(https.post().uri("/app/logout")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("other=1").exchange().expectStatus().isForbidden();
    // The console's sign-out form carries it as a hidden field.
    var out = session(https.post().uri("/app/logout")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("_csrf=" + jar.get("XSRF-TOKEN")).exchange().expectStatus().isSeeOther().expectBody().returnResult();
    UriComponents end = UriComponentsBuilder.fromUri(out.getResponseHeaders().getLocation()).build();
    assertThat(end.toUriString()).startsWith(keycloak.baseUrl() + "/realms/claraop/protocol/openid-connect/logout");
    assertThat(end.getQueryParams().getFirst("id_token_hint")).isEqualTo(idToken);
    assertThat(end.getQueryParams().getFirst("client_id")).isEqualTo("claraop-web");
    assertThat(URI.create(UriComponentsBuilder.fromUriString(end.getQueryParams().getFirst("post_logout_redirect_uri"))
        .build().toUriString().replace("%3A", ":").replace("%2F", "/")).getPath()).isEqualTo("/");

    services.stubFor(get("/api/invoices").willReturn(aResponse().withStatus(200)));
    session(https.get().uri("/api/invoices")).exchange().expectStatus().isUnauthorized();
    session(https.get().uri("/app/")).accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound();
    services.verify(0, getRequestedFor(urlEqualTo("/api/invoices")));
  }

  @Test
  void the_console_is_served_with_a_strict_policy_its_page_is_never_stored_and_its_hashed_assets_are_immutable()
      throws Exception {
    signIn(300);
    var page = session(https.get().uri("/app/batches/42")).accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectHeader().valueEquals("Cache-Control", "no-store")
        .expectBody(String.class).returnResult();
    String csp = page.getResponseHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    String html = page.getResponseBody();
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("style=");
    var asset = java.util.regex.Pattern.compile("/app/assets/[^\"]+\\.js").matcher(html);
    assertThat(asset.find()).isTrue();

    https.get().uri(asset.group()).exchange().expectStatus().isOk()
        .expectHeader().valueEquals("Cache-Control", "public, max-age=31536000, immutable");
    https.get().uri("/app/assets/index-0000dead.js").exchange().expectStatus().isNotFound();
    session(https.get().uri("/app/..%2f..%2fapplication.yml")).exchange().expectStatus().isBadRequest();
  }

  // --- a browser, by hand ---

  private WebTestClient.RequestHeadersSpec<?> session(WebTestClient.RequestHeadersSpec<?> request) {
    jar.forEach(request::cookie);
    return request;
  }

  private WebTestClient.RequestBodySpec session(WebTestClient.RequestBodySpec request) {
    jar.forEach(request::cookie);
    return request;
  }

  private void keep(EntityExchangeResult<?> result) {
    for (List<ResponseCookie> cookies : result.getResponseCookies().values()) {
      for (ResponseCookie cookie : cookies) {
        if (cookie.getValue().isEmpty() || cookie.getMaxAge().isZero()) jar.remove(cookie.getName());
        else jar.put(cookie.getName(), cookie.getValue());
      }
    }
  }

  /** Visits the console, follows the redirects to the login page, and comes back with a code, as Keycloak would. */
  private void signIn(int accessTokenSeconds) throws Exception {
    subject = UUID.randomUUID().toString();
    var start = https.get().uri("/app/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound()
        .expectBody().returnResult();
    keep(start);
    String cookie = start.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith(SESSION + "=")).findFirst().orElseThrow();
    assertThat(cookie).startsWith(SESSION + "=").contains("Secure", "SameSite=Lax", "Path=/")
        .containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Domain=");
    var authorize = session(https.get().uri(start.getResponseHeaders().getLocation().getPath()))
        .accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound().expectBody().returnResult();
    keep(authorize);
    UriComponents login = UriComponentsBuilder.fromUri(authorize.getResponseHeaders().getLocation()).build();
    String nonce = login.getQueryParams().getFirst("nonce");
    String state = java.net.URLDecoder.decode(login.getQueryParams().getFirst("state"), java.nio.charset.StandardCharsets.UTF_8);

    accessToken = accessToken(Instant.now().plusSeconds(accessTokenSeconds));
    idToken = idToken(nonce);
    keycloak.stubFor(post(TOKEN_PATH).withRequestBody(containing("grant_type=authorization_code"))
        .willReturn(tokens(accessToken, accessTokenSeconds)));
    keycloak.stubFor(get("/realms/claraop/protocol/openid-connect/userinfo").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"sub\":\"%s\",\"preferred_username\":\"admin@demo.claraop.dev\"}".formatted(subject))));
    var back = session(https.get().uri(u -> u.path("/login/oauth2/code/keycloak").queryParam("code", "code-1")
            .queryParam("state", state).build()))
        .accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound().expectBody().returnResult();
    keep(back);
    assertThat(back.getResponseHeaders().getLocation().getPath()).isEqualTo("/app/");
    var app = session(https.get().uri("/app/")).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
        .expectBody().returnResult();
    keep(app);
  }

  private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokens(String access, int seconds) {
    return aResponse().withHeader("Content-Type", "application/json").withBody("""
        {"access_token":"%s","token_type":"Bearer","expires_in":%d,"refresh_token":"refresh-1","id_token":"%s","scope":"openid"}
        """.formatted(access, seconds, idToken));
  }

  private String accessToken(Instant expiry) throws Exception {
    return sign(signingKey, "claraop-api", expiry, subject);
  }

  private String idToken(String nonce) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience("claraop-web")
        .claim("nonce", nonce).claim("preferred_username", "admin@demo.claraop.dev")
        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(signingKey));
    return jwt.serialize();
  }
}
