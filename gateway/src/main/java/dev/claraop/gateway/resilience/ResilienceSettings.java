package dev.claraop.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One breaker and one time limit per route (application.yml names them after the route).
 *
 * @param timeout how long a service may take to answer before the caller gets a 504
 * @param routeTimeouts longer limits for routes whose work is known to take longer, by route id
 * @param failureRatePercent failures (errors and time-outs) in the window that open the breaker
 * @param window calls the failure rate is measured over
 * @param minimumCalls calls needed before the rate counts, so one early failure does not open it
 * @param openFor how long an open breaker answers 503 at once before it lets trial calls through
 */
@ConfigurationProperties("claraop.gateway.resilience")
public record ResilienceSettings(
    @DefaultValue("20s") Duration timeout,
    Map<String, Duration> routeTimeouts,
    @DefaultValue("50") float failureRatePercent,
    @DefaultValue("20") int window,
    @DefaultValue("10") int minimumCalls,
    @DefaultValue("10s") Duration openFor) {

  public ResilienceSettings {
    routeTimeouts = routeTimeouts == null ? Map.of() : Map.copyOf(routeTimeouts);
  }

  Duration timeoutOf(String route) {
    return routeTimeouts.getOrDefault(route, timeout);
  }
}
