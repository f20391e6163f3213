package dev.claraop.platform.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, added last so that a service's own application.yml (or the environment)
 * still wins. Keeps seven application.yml files from repeating the same operational block.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final Map<String, Object> DEFAULTS = Map.ofEntries(
      // Liveness and readiness groups at /actuator/health/{liveness,readiness}, details for nobody.
      Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
      Map.entry("management.endpoint.health.probes.enabled", "true"),
      Map.entry("management.endpoint.health.show-details", "never"),
      Map.entry("management.metrics.tags.application", "${spring.application.name}"),
      // Buckets, so that latency percentiles can be aggregated across instances (dashboards: p95 by application).
      Map.entry("management.metrics.distribution.percentiles-histogram.http.server.requests", "true"),
      // One JSON object per log line; the MDC (requestId) comes along.
      Map.entry("logging.structured.format.console", "logstash"),
      Map.entry("server.error.include-stacktrace", "never"),
      Map.entry("server.error.include-message", "never"),
      Map.entry("server.error.include-binding-errors", "never"),
      Map.entry("spring.mvc.problemdetails.enabled", "false"),
      Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "false"),
      Map.entry("springdoc.api-docs.path", "/v3/api-docs"),
      // The audience every ClaraOP access token names (realm mapper in infra/keycloak).
      Map.entry("spring.security.oauth2.resourceserver.jwt.audiences", "claraop-api"),
      // Every request is traced, so every log line of it carries its trace id; Kafka records carry traceparent.
      Map.entry("management.tracing.sampling.probability", "1.0"),
      Map.entry("spring.kafka.template.observation-enabled", "true"),
      Map.entry("spring.kafka.listener.observation-enabled", "true"),
      // No trace exemplars in the Prometheus scrape: Prometheus 2.42 (Debian's, the devstack's) rejects the whole
      // OpenMetrics scrape when a histogram's _count carries one, so every traced service would read as down.
      Map.entry("management.tracing.exemplars.include", "none"),
      Map.entry("server.shutdown", "graceful"));

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource("claraopPlatformDefaults", DEFAULTS));
  }
}
