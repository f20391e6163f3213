package dev.claraop.gateway.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * The gateway authenticates; the services authorise. Every {@code /api/**} call needs a valid Keycloak
 * token (issuer, signature from the realm's JWKS, audience {@code claraop-api}), except the public forms and
 * the OAuth callback, whose single-use state binds it to a user.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

  @Bean
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
