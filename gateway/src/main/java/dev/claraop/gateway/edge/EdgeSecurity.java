package dev.claraop.gateway.edge;

import dev.claraop.gateway.console.ConsoleSettings;
import dev.claraop.gateway.console.CsrfCookie;
import dev.claraop.gateway.console.SessionWrites;
import dev.claraop.gateway.console.SignOut;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfServerLogoutHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The gateway authenticates; the services authorise. Every {@code /api/**} call needs a signed-in caller,
 * except the public forms and the OAuth callback, whose single-use state binds it to a user. A caller is
 * signed in one of two ways:
 * <ul>
 *   <li>a Keycloak bearer token (issuer, signature from the realm's JWKS, audience {@code claraop-api}):
 *       scripts and the e2e tests;</li>
 *   <li>the web console's session (backend for frontend): the browser holds only an HttpOnly session
 *       cookie, the user's tokens stay in the gateway's session, and the route's {@code TokenRelay} sends
 *       the access token on, refreshed when it expires. A state-changing session request needs the CSRF
 *       token ({@code X-XSRF-TOKEN}, cookie-to-header); a bearer request needs none.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

  /** A request the firewall refuses (a path with {@code ..}, an encoded slash) gets a problem, not a bare 400. */
  @Bean
  ServerExchangeRejectedHandler rejectedRequests() {
    return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
        "The request was not accepted.");
  }

  /** The user's tokens live in their session, so they end with it (sign-out, idle or absolute timeout). */
  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  /** One CSRF cookie for the console, readable by its script (it is not a credential), sent back as a header. */
  @Bean
  CookieServerCsrfTokenRepository csrfTokens() {
    CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookiePath("/");
    tokens.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Strict"));
    return tokens;
  }

  /**
   * Browsers: {@code /app/**} needs a signed-in session, and a browser without one is sent to Keycloak's
   * login page (authorization code with PKCE, public client {@code claraop-web}). Signing out
   * ({@code POST /app/logout}, with the CSRF token) ends this session and Keycloak's.
   */
  @Bean
  @Order(1)
  SecurityWebFilterChain browserApp(ServerHttpSecurity http, CookieServerCsrfTokenRepository csrfTokens,
      ConsoleSettings console, PublicOrigin origin,
      @Value("${server.reactive.session.cookie.name}") String sessionCookie,
      @Value("${spring.security.oauth2.client.registration.keycloak.client-id}") String clientId) {
    return http
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/app", "/app/**", "/oauth2/**", "/login/**"))
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
            .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
        .authorizeExchange(a -> a
            // The console's code is no secret; its data comes only through /api.
            .pathMatchers(HttpMethod.GET, "/app/assets/**").permitAll()
            .anyExchange().authenticated())
        .oauth2Login(Customizer.withDefaults())
        .logout(logout -> logout
            .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/app/logout"))
            .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                new CsrfServerLogoutHandler(csrfTokens), new WebSessionServerLogoutHandler()))
            .logoutSuccessHandler(new SignOut(console, origin::value, clientId)))
        .addFilterAfter(new CsrfCookie(sessionCookie), SecurityWebFiltersOrder.CSRF)
        .build();
  }

  @Bean
  @Order(2)
  SecurityWebFilterChain edge(ServerHttpSecurity http, CookieServerCsrfTokenRepository csrfTokens,
      @Value("${server.reactive.session.cookie.name}") String sessionCookie) {
    ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
      exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
      return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
          "Sign in, or send a valid bearer token.");
    };
    // A token that could not be checked (Keycloak's keys unreachable) is our outage, not the caller's fault.
    ServerAuthenticationFailureHandler failure = (webFilterExchange, ex) ->
        ex instanceof AuthenticationServiceException
            ? Problems.write(webFilterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable",
                "Tokens cannot be checked right now; try again shortly.")
            : unauthorized.commence(webFilterExchange.getExchange(), ex);
    return http
        // The console's session is read here too; a bearer token, when sent, decides instead and makes no session.
        .securityContextRepository(new WebSessionServerSecurityContextRepository())
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
            .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(new SessionWrites(sessionCookie))
            .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "This request needs the console's CSRF token (X-XSRF-TOKEN).")))
        .headers(ServerHttpSecurity.HeaderSpec::disable) // EdgeHeaders writes them, over any a service sent
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .authorizeExchange(a -> a
            .pathMatchers("/api/public/**", "/api/inbox/oauth/callback").permitAll()
            .pathMatchers("/api/**").authenticated()
            // Reached only on the management port (application.yml); the public port has no actuator.
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
            .pathMatchers("/actuator/**").denyAll()
            .anyExchange().permitAll())
        .oauth2ResourceServer(o -> o
            .jwt(jwt -> {})
            .authenticationEntryPoint(unauthorized)
            .authenticationFailureHandler(failure))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(unauthorized)
            .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "This operation is not allowed.")))
        .addFilterAfter(new CsrfCookie(sessionCookie), SecurityWebFiltersOrder.CSRF)
        .build();
  }
}
