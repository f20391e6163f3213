package dev.claraop.access;

import dev.claraop.access.grant.GrantRefused;
import dev.claraop.access.grant.OwnDecisionRefused;
import dev.claraop.access.sensitive.SensitiveContent;
import dev.claraop.access.sensitive.SensitiveContentRefused;
import dev.claraop.platform.web.ProblemResponses;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** support-access-service's refusals as problems; the platform's advice answers everything else. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessProblems {

  // A field name is echoed only if it looks like one: a key that is itself a secret stays unsaid.
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
  private static final SensitiveContent SENSITIVE = new SensitiveContent();

  @ExceptionHandler(SensitiveContentRefused.class)
  ResponseEntity<ProblemDetail> sensitive(SensitiveContentRefused ex) {
    String kind = ex.kind().description();
    ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Sensitive data refused",
        "The " + ex.field() + " appears to contain " + kind + ". Please do not send " + kind
            + " here: nothing of this request was stored. Remove it and send again; if we need such data,"
            + " we will ask for it through a protected channel.");
    problem.setProperty("kind", ex.kind().name());
    problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", "must not contain " + kind)));
    return ResponseEntity.unprocessableContent().body(problem);
  }

  @ExceptionHandler(GrantRefused.class)
  ResponseEntity<ProblemDetail> refused(GrantRefused ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(ProblemResponses.problem(HttpStatus.CONFLICT, "Grant rule", ex.getMessage()));
  }

  @ExceptionHandler(OwnDecisionRefused.class)
  ResponseEntity<ProblemDetail> ownDecision(OwnDecisionRefused ex) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage()));
  }

  /**
   * Unknown fields are refused (application.yml turns that on), and a value of the wrong type or outside
   * an enumeration names its field. The rejected value, and Jackson's message quoting it, are left out.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
    if (!(ex.getCause() instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
      return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Malformed request body",
          "The request body is not valid JSON for this operation."));
    }
    String field = jackson.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    boolean sayable = jackson.getPath().stream().map(JacksonException.Reference::getPropertyName)
        .allMatch(name -> name == null || (FIELD_NAME.matcher(name).matches() && SENSITIVE.find(name).isEmpty()));
    boolean unknown = jackson instanceof UnrecognizedPropertyException;
    String named = sayable ? field.replace(".[", "[") : "(a field)";
    String message = unknown ? "is not a field of this operation" : "has a value of the wrong type or not among those allowed";
    ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
        unknown ? "The request names a field this operation does not take." : "One or more fields are invalid.");
    problem.setProperty("errors", List.of(Map.of("field", named, "message", message)));
    return ResponseEntity.badRequest().body(problem);
  }
}
