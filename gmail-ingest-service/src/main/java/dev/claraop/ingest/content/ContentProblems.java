package dev.claraop.ingest.content;

import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.ingest.mailbox.MailboxRevoked;
import dev.claraop.platform.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What can go wrong fetching a body, as problems that name the cause and never the message. */
@RestControllerAdvice(assignableTypes = MessageContentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentProblems {

  @ExceptionHandler(MailboxRevoked.class)
  ProblemDetail revoked() {
    return ProblemResponses.problem(HttpStatus.CONFLICT, "Conflict", "The mailbox is no longer connected.");
  }

  @ExceptionHandler(GoogleRefusal.class)
  ProblemDetail google(GoogleRefusal refusal) {
    return ProblemResponses.problem(HttpStatus.BAD_GATEWAY, "Bad Gateway",
        "Gmail did not hand over the message (" + refusal.kind() + ").");
  }
}
