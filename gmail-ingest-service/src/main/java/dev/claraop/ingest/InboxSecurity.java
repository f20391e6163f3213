package dev.claraop.ingest;

import dev.claraop.platform.security.ClaraJwtAuthenticationConverter;
import dev.claraop.platform.security.ServiceSecurityAutoConfiguration;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's chain plus one anonymous route: Google's redirect back to {@code /api/inbox/oauth/callback}, which
 * a browser reaches without a bearer token (its single-use state authenticates it). Declaring a chain replaces the
 * platform's, so this one repeats it.
 */
@Configuration(proxyBeanMethods = false)
class InboxSecurity {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final String OAUTH_CALLBACK = "/api/inbox/oauth/callback";

  @Bean
  SecurityFilterChain inboxSecurityChain(HttpSecurity http) throws Exception {
    return http
        .csrf(csrf -> csrf.disable()) // no cookies, no sessions: bearer tokens only; the callback's state is its CSRF guard
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> a
            .requestMatchers(ServiceSecurityAutoConfiguration.OPEN_PATHS).permitAll()
            .requestMatchers(HttpMethod.GET, OAUTH_CALLBACK).permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new ClaraJwtAuthenticationConverter()))
            .authenticationEntryPoint(unauthorized())
            .accessDeniedHandler(forbidden()))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(unauthorized())
            .accessDeniedHandler(forbidden()))
        .build();
  }

  private static AuthenticationEntryPoint unauthorized() {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
          "A valid bearer token is required."));
    };
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, ex) -> write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden",
        "Your role does not allow this operation."));
  }

  /** As platform-security writes them: RFC 9457 members at the top level, the request id beside them. */
  private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    if (!response.containsHeader(CorrelationIdFilter.HEADER) && CorrelationIdFilter.current() != null) {
      response.setHeader(CorrelationIdFilter.HEADER, CorrelationIdFilter.current());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) body.putAll(problem.getProperties());
    JSON.writeValue(response.getOutputStream(), body);
  }
}
