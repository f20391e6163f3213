package dev.claraop.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Whatever goes wrong inside the gateway is answered as a problem document naming only the status: never
 * a stack trace, an exception message or a framework's default error page. The cause goes to the log.
 */
@Component
@Order(-2) // before Boot's default handler
class EdgeErrors implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(EdgeErrors.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (error instanceof OAuth2AuthorizationException) {
      // The console's tokens could not be refreshed (Keycloak's session ended): so has ours.
      return exchange.getSession().flatMap(WebSession::invalidate)
          .then(Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "Your session has ended; sign in again."));
    }
    HttpStatus status = error instanceof ResponseStatusException rse
        ? HttpStatus.resolve(rse.getStatusCode().value()) : null;
    if (status == null) status = HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.is5xxServerError()) {
      log.atError().addKeyValue("requestId", exchange.getAttribute(CorrelationIds.ATTRIBUTE))
          .setCause(error).log("request failed in the gateway");
    }
    return Problems.write(exchange, status, status.getReasonPhrase(), detail(status));
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "There is nothing here.";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
      case PAYLOAD_TOO_LARGE -> "The request body is too large.";
      case GATEWAY_TIMEOUT -> "The service did not answer in time; try again shortly.";
      case SERVICE_UNAVAILABLE, BAD_GATEWAY -> "The service is unavailable right now; try again shortly.";
      default -> status.is5xxServerError() ? "Something went wrong on our side." : "The request was not accepted.";
    };
  }
}
