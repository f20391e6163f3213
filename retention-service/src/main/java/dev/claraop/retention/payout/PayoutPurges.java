package dev.claraop.retention.payout;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls payout-service's purge command ({@code POST /internal/batches/{id}/purge}) with retention-service's own
 * client-credentials token (see {@link PayoutClientConfiguration}). An outage (5xx, timeout, no token) is retried
 * with backoff, and a breaker stops hammering payout-service once it keeps failing; a refusal (409: not closed or
 * too early; 404; 401/403) is an answer, not an outage, and is not retried.
 */
@Component
public class PayoutPurges {

  private static final Logger log = LoggerFactory.getLogger(PayoutPurges.class);
  private final RestClient payout;
  private final CircuitBreaker breaker;
  private final Retry retry;

  PayoutPurges(RestClient payoutPurgeClient, PayoutSettings settings) {
    this.payout = payoutPurgeClient;
    this.breaker = CircuitBreaker.of("payout-purge", CircuitBreakerConfig.custom()
        .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
        .waitDurationInOpenState(settings.openFor()).recordExceptions(Outage.class).build());
    this.retry = Retry.of("payout-purge", RetryConfig.custom().maxAttempts(settings.attempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
        .retryExceptions(Outage.class).build());
  }

  public PurgeAnswer purge(String batchId) {
    Supplier<PurgeAnswer> call = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> call(batchId)));
    try {
      return call.get();
    } catch (Outage e) {
      return PurgeAnswer.failed(e.getMessage());
    } catch (CallNotPermittedException e) {
      return PurgeAnswer.failed("payout-service cut off by the circuit breaker after repeated failures; stays due");
    }
  }

  private PurgeAnswer call(String batchId) {
    try {
      return payout.post().uri("/internal/batches/{id}/purge", batchId).exchange((request, response) -> {
        int status = response.getStatusCode().value();
        if (status >= 200 && status < 300) return PurgeAnswer.done();
        if (status == 409) return PurgeAnswer.failed("payout-service refused (409): batch not closed or its retention not over");
        if (status == 404) return PurgeAnswer.failed("payout-service does not know the batch (404)");
        if (status == 401 || status == 403) {
          return PurgeAnswer.failed("payout-service rejected retention-service's credentials (HTTP " + status + ")");
        }
        throw new Outage("payout-service unavailable (HTTP " + status + "); stays due for the next run");
      });
    } catch (ResourceAccessException e) {
      throw new Outage("payout-service unreachable or too slow; stays due for the next run");
    } catch (OAuth2AuthorizationException e) {
      // The error code only: Keycloak's description may name the client.
      log.warn("no service token from Keycloak for the purge of {}: {}", batchId, e.getError().getErrorCode());
      throw new Outage("no service token from Keycloak; stays due for the next run");
    } catch (RestClientException e) {
      throw new Outage("payout-service call failed (" + e.getClass().getSimpleName() + "); stays due for the next run");
    }
  }

  /** payout-service (or Keycloak) is not answering as it should: worth another attempt, and counted by the breaker. */
  static final class Outage extends RuntimeException {
    Outage(String message) {
      super(message, null, false, false);
    }
  }
}
