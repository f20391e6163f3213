package dev.claraop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/** A browser that is not signed in is sent from the private app to Keycloak's login page, with PKCE. */
class SignInRedirectTest extends GatewayTestSupport {

  @Test
  void an_unauthenticated_browser_request_to_the_app_is_redirected_to_the_login_page() {
    var first = https.get().uri("/app/batches/42").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isFound()
        .expectHeader().valueEquals("Cache-Control", "no-store")
        .expectBody().isEmpty();
    URI start = first.getResponseHeaders().getLocation();
    assertThat(start).isNotNull();
    assertThat(start.getPath()).isEqualTo("/oauth2/authorization/keycloak");
    String session = first.getResponseCookies().getFirst("__Host-claraop-session").getValue();

    var second = https.get().uri(start.getPath()).cookie("__Host-claraop-session", session).accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isFound().expectBody().isEmpty();
    UriComponents login = UriComponentsBuilder.fromUri(second.getResponseHeaders().getLocation()).build();
    assertThat(login.toUriString()).startsWith(keycloak.baseUrl() + "/realms/claraop/protocol/openid-connect/auth");
    assertThat(login.getQueryParams().getFirst("client_id")).isEqualTo("claraop-web");
    assertThat(login.getQueryParams().getFirst("response_type")).isEqualTo("code");
    assertThat(login.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
    assertThat(login.getQueryParams().getFirst("code_challenge")).isNotBlank();
    assertThat(login.getQueryParams().getFirst("state")).isNotBlank();
  }

  @Test
  void the_session_cookie_is_secure_http_only_and_same_site() {
    var response = https.get().uri("/app").accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound()
        .expectBody().isEmpty();
    String cookie = response.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith("__Host-claraop-session=")).findFirst().orElseThrow();
    assertThat(cookie).contains("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }
}
