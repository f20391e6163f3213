package dev.claraop.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Carries the caller's {@code X-Request-Id} through the request: into the log context (so every JSON log
 * line names it) and back on the response. An id that is absent or not a plain token is replaced, so a
 * header cannot smuggle text into the logs.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = request.getHeader(HEADER);
    if (id == null || !ACCEPTABLE.matcher(id).matches()) id = UUID.randomUUID().toString();
    MDC.put(MDC_KEY, id);
    request.setAttribute(MDC_KEY, id);
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  /** The correlation id of the request being handled on this thread, if any. */
  public static String current() {
    return MDC.get(MDC_KEY);
  }
}
