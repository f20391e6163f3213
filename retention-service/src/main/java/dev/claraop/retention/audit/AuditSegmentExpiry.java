package dev.claraop.retention.audit;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * The daily job {@code audit_segment_expiry}: asks audit-service to remove the sealed UTC days older than
 * {@code claraop.retention.audit.keep} ({@code POST /internal/audit/segments/expire?before=…}), with retention-service's
 * client-credentials token, once across instances. Removing is idempotent, so a failed run is simply made whole by the
 * next day's: nothing is remembered between runs but the metrics.
 */
@Component
public class AuditSegmentExpiry {

  private static final Logger log = LoggerFactory.getLogger(AuditSegmentExpiry.class);
  private final RestClient audit;
  private final AuditSettings settings;
  private final Clock clock;
  private final Retry retry;
  private final Counter succeeded;
  private final Counter failed;
  private final Counter entriesRemoved;

  AuditSegmentExpiry(AuditSettings settings, OAuth2ClientHttpRequestInterceptor retentionServiceToken, Clock clock,
      MeterRegistry meters) {
    var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    requests.setReadTimeout(settings.readTimeout());
    this.audit = RestClient.builder().baseUrl(settings.baseUrl().toString()).requestFactory(requests)
        .requestInterceptor(retentionServiceToken).build();
    this.settings = settings;
    this.clock = clock;
    this.retry = Retry.of("audit-segment-expiry", RetryConfig.custom().maxAttempts(settings.attempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
        .retryExceptions(HttpServerErrorException.class, ResourceAccessException.class).build());
    this.succeeded = runs(meters, "succeeded");
    this.failed = runs(meters, "failed");
    this.entriesRemoved = Counter.builder("claraop.retention.audit.entries.removed")
        .description("Audit entries audit-service removed, in whole sealed UTC days, at retention's request").register(meters);
  }

  private static Counter runs(MeterRegistry meters, String outcome) {
    return Counter.builder("claraop.retention.audit.expiry.runs").tag("outcome", outcome)
        .description("Daily audit segment expiry requests, by outcome").register(meters);
  }

  @Scheduled(cron = "${claraop.retention.audit.cron:0 30 3 * * *}", zone = "UTC")
  @SchedulerLock(name = "audit_segment_expiry", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  public void runDaily() {
    expire();
  }

  /** @return the entries removed, or empty when audit-service did not do it (the next run will) */
  public Optional<Long> expire() {
    LocalDate before = LocalDate.ofInstant(clock.instant().minus(settings.keep()), ZoneOffset.UTC);
    try {
      Map<?, ?> removal = Retry.decorateSupplier(retry, () -> audit.post()
          .uri(b -> b.path("/internal/audit/segments/expire").queryParam("before", before).build())
          .retrieve().body(Map.class)).get();
      long removed = removal == null || !(removal.get("entriesRemoved") instanceof Number n) ? 0 : n.longValue();
      succeeded.increment();
      entriesRemoved.increment(removed);
      log.info("audit segment expiry before {}: {} entries removed", before, removed);
      return Optional.of(removed);
    } catch (RuntimeException e) {
      failed.increment();
      // The class only: an error body is audit-service's, and stays there.
      log.warn("audit segment expiry before {} failed ({}); the next run removes what is due", before,
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }
}
