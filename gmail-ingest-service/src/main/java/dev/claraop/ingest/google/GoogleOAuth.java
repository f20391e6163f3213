package dev.claraop.ingest.google;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's OAuth 2 endpoints: the authorization URL (code flow, PKCE S256, read-only Gmail, offline), the code
 * exchange, refresh and revocation. Tokens travel in form bodies, never in a URL or a log line.
 */
@Component
public class GoogleOAuth {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final GoogleSettings settings;
  private final GoogleCalls calls;
  private final Clock clock;
  private final RestClient http;

  GoogleOAuth(GoogleSettings settings, GoogleCalls calls, Clock clock) {
    this.settings = settings;
    this.calls = calls;
    this.clock = clock;
    SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(5_000);
    timeouts.setReadTimeout(10_000);
    this.http = RestClient.builder().requestFactory(timeouts).build();
  }

  /** Where the browser goes to consent; {@code prompt=consent} so Google issues a refresh token every time. */
  public URI authorizationUrl(String state, String codeChallenge) {
    return UriComponentsBuilder.fromUri(settings.authorizationUri())
        .queryParam("response_type", "code")
        .queryParam("client_id", settings.clientId())
        .queryParam("redirect_uri", settings.redirectUri())
        .queryParam("scope", GoogleSettings.READONLY)
        .queryParam("access_type", "offline")
        .queryParam("prompt", "consent")
        .queryParam("code_challenge", codeChallenge)
        .queryParam("code_challenge_method", "S256")
        .queryParam("state", state)
        .encode().build().toUri();
  }

  public GrantedTokens exchange(String code, String codeVerifier) {
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "authorization_code");
    form.add("code", code);
    form.add("code_verifier", codeVerifier);
    form.add("redirect_uri", settings.redirectUri());
    // A code is good once: retrying the exchange could only fail, so it is made once.
    return tokens(post("token.exchange", settings.tokenUri(), form), null);
  }

  public GrantedTokens refresh(String refreshToken) {
    MultiValueMap<String, String> form = client();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    return calls.call("token.refresh", "oauth", 0, () -> tokens(post("token.refresh", settings.tokenUri(), form), refreshToken));
  }

  /** Revokes the grant behind {@code token} (either token of it) at Google. */
  public void revoke(String token) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    calls.call("revoke", "oauth", 0, () -> post("revoke", settings.revocationUri(), form));
  }

  private MultiValueMap<String, String> client() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("client_id", settings.clientId());
    if (settings.clientSecret() != null && !settings.clientSecret().isBlank()) form.add("client_secret", settings.clientSecret());
    return form;
  }

  private JsonNode post(String endpoint, URI uri, MultiValueMap<String, String> form) {
    try {
      return http.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
          .exchange((request, response) -> {
            HttpStatusCode status = response.getStatusCode();
            byte[] body = response.getBody().readAllBytes();
            JsonNode json = body.length == 0 ? JSON.createObjectNode() : readOrEmpty(body);
            if (status.is2xxSuccessful()) return json;
            if (status.value() == 429 || status.is5xxServerError()) {
              throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, endpoint, status.value());
            }
            String error = json.path("error").isString() ? json.path("error").asString() : "";
            throw new GoogleRefusal("invalid_grant".equals(error) ? GoogleRefusal.Kind.INVALID_GRANT
                : GoogleRefusal.Kind.REFUSED, endpoint, status.value());
          });
    } catch (ResourceAccessException unreachable) {
      throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, endpoint, 0);
    }
  }

  private static JsonNode readOrEmpty(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return JSON.createObjectNode();
    }
  }

  private GrantedTokens tokens(JsonNode json, String keptRefreshToken) {
    String access = json.path("access_token").asString("");
    if (access.isEmpty()) throw new GoogleRefusal(GoogleRefusal.Kind.REFUSED, "token", 200);
    String refresh = json.path("refresh_token").asString(keptRefreshToken == null ? "" : keptRefreshToken);
    Set<String> scopes = new LinkedHashSet<>(Arrays.asList(json.path("scope").asString("").trim().split("\\s+")));
    scopes.remove("");
    return new GrantedTokens(access, refresh.isEmpty() ? null : refresh,
        clock.instant().plusSeconds(json.path("expires_in").asLong(3600)), Set.copyOf(scopes));
  }
}
