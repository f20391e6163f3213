package dev.claraop.gateway.edge;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Keycloak tokens checked against the realm's key set, issuer and our audience. When the key set cannot
 * be fetched, the HTTP client's error is turned into a {@link JwtException}, which Spring Security reports
 * as an authentication-service failure (answered 503 by {@link EdgeSecurity}) instead of letting it
 * escape as a 500 (REFERENCES.md, Spring Cloud Gateway 5). A token found valid is remembered
 * ({@link KnownTokens}) for the rate limiter, which runs before this check.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoding {

  static final String AUDIENCE = "claraop-api";

  @Bean
  ReactiveJwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer, KnownTokens known) {
    NimbusReactiveJwtDecoder keycloak = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
    keycloak.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(issuer),
        new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE))));
    return token -> keycloak.decode(token)
        .doOnNext(jwt -> known.remember(token, jwt.getSubject(), jwt.getExpiresAt()))
        .onErrorMap(e -> !(e instanceof JwtException),
            e -> new JwtException("the identity provider's key set could not be fetched", e));
  }
}
