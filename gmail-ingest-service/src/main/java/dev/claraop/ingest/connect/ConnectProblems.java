package dev.claraop.ingest.connect;

import dev.claraop.platform.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused callback is a 400 problem naming why, never echoing the code or state. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectProblems {

  @ExceptionHandler(ConsentRefused.class)
  ResponseEntity<ProblemDetail> refused(ConsentRefused refused) {
    return ResponseEntity.badRequest()
        .body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Inbox not connected", refused.getMessage()));
  }
}
