package dev.claraop.platform.security;

import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problems; the reason a token was refused is logged by Spring, not echoed. */
final class ProblemSecurityHandlers {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
          "A valid bearer token is required."));
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, ex) -> write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden",
        actingTenantRefused() ? "You hold no active delegation for the tenant named in "
            + ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER + "."
            : "Your role does not allow this operation."));
  }

  private static boolean actingTenantRefused() {
    return SecurityContextHolder.getContext().getAuthentication() instanceof ClaraAuthentication clara
        && clara.refused();
  }

  static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    if (!response.containsHeader(CorrelationIdFilter.HEADER) && CorrelationIdFilter.current() != null) {
      response.setHeader(CorrelationIdFilter.HEADER, CorrelationIdFilter.current());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // RFC 9457 members at the top level, extensions (requestId) beside them, as Spring MVC writes problems.
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) body.putAll(problem.getProperties());
    JSON.writeValue(response.getOutputStream(), body);
  }

  private ProblemSecurityHandlers() {}
}
