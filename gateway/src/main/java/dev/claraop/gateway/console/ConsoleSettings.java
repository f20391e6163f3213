package dev.claraop.gateway.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signed-in console's session rules. The idle limit is the web session's own timeout
 * ({@code server.reactive.session.timeout}); this adds the absolute one, which a session has no setting for.
 *
 * @param sessionMaxAge the longest a console session lives, however busy (Keycloak's session max is the same)
 * @param keycloakPublicUrl Keycloak as the browser reaches it: where sign-out ends the identity provider's
 *     session, and the one other origin the console's forms may lead to
 * @param directory DEV ONLY: serve the console from this folder (a {@code web/dist} being rebuilt) instead of
 *     the files packaged in the gateway; empty in every real deployment
 */
@ConfigurationProperties("claraop.gateway.console")
public record ConsoleSettings(
    @DefaultValue("24h") Duration sessionMaxAge,
    @DefaultValue("http://localhost:8180") String keycloakPublicUrl,
    @DefaultValue("") String directory) {

  public String endSessionEndpoint() {
    return keycloakPublicUrl + "/realms/claraop/protocol/openid-connect/logout";
  }

  /** The origin alone (scheme, host, port), as a CSP source. */
  public String keycloakOrigin() {
    var uri = java.net.URI.create(keycloakPublicUrl);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
