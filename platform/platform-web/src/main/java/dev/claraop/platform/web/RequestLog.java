package dev.claraop.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per API request: method, path, status and duration, under the request's id. The query
 * string and bodies are left out on purpose, since either may carry a token or personal data.
 */
public class RequestLog extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long started = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      log.atInfo()
          .addKeyValue("method", request.getMethod())
          .addKeyValue("path", request.getRequestURI())
          .addKeyValue("status", response.getStatus())
          .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
          .log("{} {} {}", request.getMethod(), request.getRequestURI(), response.getStatus());
    }
  }
}
