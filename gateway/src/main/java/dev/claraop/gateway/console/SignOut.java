package dev.claraop.gateway.console;

import java.net.URI;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * After the gateway's own session is gone, the browser is sent to Keycloak's end-session endpoint
 * (OpenID Connect RP-initiated logout) so the identity provider's session ends too, and back to the public
 * home page. The endpoint is named rather than discovered, as the other Keycloak endpoints are, so the
 * gateway starts while Keycloak is still starting.
 */
public class SignOut implements ServerLogoutSuccessHandler {

  private final ConsoleSettings settings;
  private final Supplier<String> publicOrigin;
  private final String clientId;

  public SignOut(ConsoleSettings settings, Supplier<String> publicOrigin, String clientId) {
    this.settings = settings;
    this.publicOrigin = publicOrigin;
    this.clientId = clientId;
  }

  @Override
  public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
    var end = UriComponentsBuilder.fromUriString(settings.endSessionEndpoint())
        .queryParam("client_id", clientId)
        .queryParam("post_logout_redirect_uri", publicOrigin.get() + "/");
    if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
      end.queryParam("id_token_hint", user.getIdToken().getTokenValue());
    }
    URI location = end.encode().build().toUri();
    var response = exchange.getExchange().getResponse();
    response.setStatusCode(HttpStatus.SEE_OTHER);
    response.getHeaders().setLocation(location);
    return response.setComplete();
  }
}
