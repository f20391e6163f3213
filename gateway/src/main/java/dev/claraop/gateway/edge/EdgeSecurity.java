package dev.claraop.gateway.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * The gateway authenticates; the services authorise. Every {@code /api/**} call needs a valid Keycloak
 * bearer token (issuer, signature from the realm's JWKS, audience {@code claraop-api}), except the public forms and
 * the OAuth callback, whose single-use state binds it to a user.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

  /** A request the firewall refuses (a path with {@code ..}, an encoded slash) gets a problem, not a bare 400. */
  @Bean
  ServerExchangeRejectedHandler rejectedRequests() {
    return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
        "The request was not accepted.");
  }

  /**
   * Browsers: {@code /app/**} needs a signed-in session, and a browser without one is sent to Keycloak's
   * login page (authorization code with PKCE, public client {@code claraop-web}). Cookies mean CSRF
   * protection stays on here.
   */
  @Bean
  @Order(1)
  SecurityWebFilterChain browserApp(ServerHttpSecurity http) {
    return http
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/app", "/app/**", "/oauth2/**", "/login/**"))
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .authorizeExchange(a -> a.anyExchange().authenticated())
        .oauth2Login(Customizer.withDefaults())
        .build();
  }

  @Bean
  @Order(2)
  SecurityWebFilterChain edge(ServerHttpSecurity http) {
    ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
      exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
      return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required.");
    };
    // A token that could not be checked (Keycloak's keys unreachable) is our outage, not the caller's fault.
    ServerAuthenticationFailureHandler failure = (webFilterExchange, ex) ->
        ex instanceof AuthenticationServiceException
            ? Problems.write(webFilterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable",
                "Tokens cannot be checked right now; try again shortly.")
            : unauthorized.commence(webFilterExchange.getExchange(), ex);
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies
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
        .build();
  }
}
