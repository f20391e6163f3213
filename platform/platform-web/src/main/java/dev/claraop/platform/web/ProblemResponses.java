package dev.claraop.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The last word on errors for every servlet service: RFC 9457 problem documents that name what was wrong
 * (the field, the rule) but never echo the submitted value, a stack trace or an exception message, since
 * any of those may carry bank details or tokens. Services put their domain exceptions in an advice of
 * their own, ordered before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://claraop.dev/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
    String requestId = CorrelationIdFilter.current();
    if (requestId != null) problem.setProperty("requestId", requestId);
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(
        problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The request body is not valid JSON for this operation."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "One or more fields are invalid.");
    // Field name and the rule broken; the rejected value is left out on purpose.
    List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
        .toList();
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail detail && CorrelationIdFilter.current() != null) {
      detail.setProperty("requestId", CorrelationIdFilter.current());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  @ExceptionHandler(InvalidRequest.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequest ex) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
    if (ex.field() != null) problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
  }

  @ExceptionHandler(Conflict.class)
  ResponseEntity<ProblemDetail> conflict(Conflict ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
    if (PassThrough.isSecurityException(ex)) throw ex; // Spring Security's own handlers answer these
    // The exception's class only: messages of driver or parser exceptions can quote data.
    log.error("unhandled {} while serving a request", ex.getClass().getName());
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request failed; quote the requestId to support."));
  }

  /** Exceptions owned by Spring Security, which its filter chain turns into 401/403 problems. */
  static final class PassThrough {
    static boolean isSecurityException(Exception ex) {
      for (Class<?> c = ex.getClass(); c != null; c = c.getSuperclass()) {
        String name = c.getName();
        if (name.equals("org.springframework.security.access.AccessDeniedException")
            || name.equals("org.springframework.security.core.AuthenticationException")) {
          return true;
        }
      }
      return false;
    }
  }
}
