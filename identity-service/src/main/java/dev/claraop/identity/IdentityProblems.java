package dev.claraop.identity;

import dev.claraop.identity.directory.DirectoryUnavailable;
import dev.claraop.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** identity-service's own problems, beside the platform's: Keycloak unavailable is 503, try again later. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblems {

  private static final Logger log = LoggerFactory.getLogger(IdentityProblems.class);

  @ExceptionHandler(DirectoryUnavailable.class)
  ResponseEntity<ProblemDetail> keycloakUnavailable(DirectoryUnavailable ex) {
    log.warn("answered 503: {}", ex.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
        .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable",
            "Users cannot be changed right now; nothing was changed. Try again shortly."));
  }
}
