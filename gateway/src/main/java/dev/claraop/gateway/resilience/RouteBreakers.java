package dev.claraop.gateway.resilience;

import dev.claraop.gateway.edge.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Each route runs through a Resilience4j breaker with a time limit, so a service that hangs or is down
 * costs a caller at most the time limit, and once the breaker opens, nothing at all: the answer is a
 * problem document at once (504 when it timed out, 503 otherwise), until trial calls find the service back.
 */
@Configuration(proxyBeanMethods = false)
class RouteBreakers {

  /** Where the routes' CircuitBreaker filters forward a failed call (application.yml). */
  static final String FALLBACK = "/edge/unavailable";

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakerDefaults(ResilienceSettings settings) {
    return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
        .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(settings.timeoutOf(id)).build())
        .circuitBreakerConfig(CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRatePercent())
            .slidingWindowSize(settings.window())
            .minimumNumberOfCalls(settings.minimumCalls())
            .waitDurationInOpenState(settings.openFor())
            .permittedNumberOfCallsInHalfOpenState(2)
            .build())
        .build());
  }

  /**
   * Every route's breaker exists from the start, not from its first call, so that its state is a metric
   * (and an alert can watch it) before anything has gone wrong.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> breakersForEveryRoute(RouteLocator routes,
      ReactiveResilience4JCircuitBreakerFactory breakers) {
    return ready -> routes.getRoutes().map(Route::getId).doOnNext(breakers::create).blockLast();
  }

  @Bean
  RouterFunction<ServerResponse> unavailableRoute() {
    return RouterFunctions.route().route(request -> request.path().equals(FALLBACK), request -> {
      Throwable cause = request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
      if (cause instanceof TimeoutException) {
        return problem(request.exchange(), HttpStatus.GATEWAY_TIMEOUT, "Service timed out",
            "The service did not answer in time; try again shortly.");
      }
      return problem(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
          cause instanceof CallNotPermittedException
              ? "The service is failing and is being given time to recover; try again shortly."
              : "The service is unavailable right now; try again shortly.");
    }).build();
  }

  private static Mono<ServerResponse> problem(ServerWebExchange exchange, HttpStatus status, String title,
      String detail) {
    return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(Problems.body(exchange, status, title, detail));
  }
}
