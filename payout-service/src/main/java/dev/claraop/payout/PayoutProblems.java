package dev.claraop.payout;

import dev.claraop.payout.batch.BatchNotFound;
import dev.claraop.payout.batch.BatchRejected;
import dev.claraop.platform.crypto.shredding.SubjectShredded;
import dev.claraop.platform.web.ProblemResponses;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** payout-service's domain refusals as problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PayoutProblems {

  @ExceptionHandler(BatchRejected.class)
  ResponseEntity<ProblemDetail> rejected(BatchRejected ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(ProblemResponses.problem(HttpStatus.CONFLICT, "Batch rule", ex.getMessage()));
  }

  /** Two commands raced on one batch and this one lost: nothing of it was stored. */
  @ExceptionHandler(ConcurrencyException.class)
  ResponseEntity<ProblemDetail> raced(ConcurrencyException ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemResponses.problem(HttpStatus.CONFLICT,
        "Concurrent change", "The batch was changed by another request; reload and try again."));
  }

  /** Another tenant's batch and an unknown one read the same, as the platform's NotFound does. */
  @ExceptionHandler(BatchNotFound.class)
  ResponseEntity<ProblemDetail> notFound(BatchNotFound ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
  }

  /**
   * Data for a user whose account was erased (their data key shredded): nothing new is sealed for them, so a profile
   * write or a batch naming them is refused. The subject (ids) stays out of the answer, as it is not the caller's.
   */
  @ExceptionHandler(SubjectShredded.class)
  ResponseEntity<ProblemDetail> erased(SubjectShredded ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemResponses.problem(HttpStatus.CONFLICT,
        "Account erased", "This creator's account was erased; no payout data can be stored for them."));
  }

  /** A command for a batch id the event store has never seen. */
  @ExceptionHandler(AggregateNotFoundException.class)
  ResponseEntity<ProblemDetail> unknown(AggregateNotFoundException ex) {
    return notFound(new BatchNotFound("batch"));
  }
}
