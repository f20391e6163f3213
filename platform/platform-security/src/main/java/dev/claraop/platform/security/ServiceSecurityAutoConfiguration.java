package dev.claraop.platform.security;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The security chain every servlet service runs: stateless bearer tokens from Keycloak for everything but
 * health, metrics and the OpenAPI description, which the platform's operators scrape, and the service's own
 * {@link PublicRoutes}. The gateway checks tokens too; services check them again so that nothing behind it trusts the
 * network. A service declares no chain of its own: it would replace this one and everything below with it.
 *
 * <p>A request whose {@code X-Acting-Tenant} names a tenant the caller holds no active delegation for is
 * refused with 403 here, before any controller (see {@link ClaraJwtAuthenticationConverter}); so is one whose
 * delegation has expired or is among the service's {@link RevokedDelegations}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

  public static final String[] OPEN_PATHS = {
      "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
      "/v3/api-docs", "/v3/api-docs/**", "/error"};

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<Clock> clock,
      ObjectProvider<RevokedDelegations> revoked, ObjectProvider<PublicRoutes> publicRoutes) throws Exception {
    var tokens = new ClaraJwtAuthenticationConverter(clock.getIfUnique(Clock::systemUTC),
        revoked.getIfUnique(() -> RevokedDelegations.NONE));
    return http
        // No cookies, no sessions: bearer tokens only. A public route guards itself (an OAuth state, a rate limit).
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> {
          a.requestMatchers(OPEN_PATHS).permitAll();
          publicRoutes.orderedStream().forEach(routes ->
              a.requestMatchers(routes.method(), routes.patterns().toArray(String[]::new)).permitAll());
          a.anyRequest().access(AuthorizationManagers.allOf(
              AuthenticatedAuthorizationManager.authenticated(), actingTenantAllowed()));
        })
        .oauth2ResourceServer(o -> o
            .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
            .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
            .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
            .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
        .build();
  }

  /** Denies a token whose acting tenant was refused; every other authenticated caller passes on to the routes' rules. */
  public static AuthorizationManager<RequestAuthorizationContext> actingTenantAllowed() {
    return (authentication, context) -> new AuthorizationDecision(
        !(authentication.get() instanceof ClaraAuthentication clara && clara.refused()));
  }

  @Bean
  WebMvcConfigurer currentPrincipalArguments() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentPrincipalResolver());
      }
    };
  }
}
