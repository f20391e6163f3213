package dev.claraop.retention.audit;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit retention as retention-service drives it (DESIGN §6.5, §6.6).
 *
 * @param baseUrl audit-service itself (the expiry path is not routed by the gateway)
 * @param keep whole UTC days older than this are removed; audit-service refuses anything shorter than its own floor
 * @param cron when the daily request is made, in UTC; "-" turns the schedule off
 * @param connectTimeout bound on opening a connection to audit-service
 * @param readTimeout bound on waiting for its answer (a removal of a day's entries of every tenant)
 * @param attempts requests per run before it counts as failed (the next day's run removes what was left)
 * @param backoff wait before the second attempt, doubled for each further one
 */
@ConfigurationProperties("claraop.retention.audit")
public record AuditSettings(
    URI baseUrl, @DefaultValue("P30D") Duration keep, @DefaultValue("0 30 3 * * *") String cron,
    @DefaultValue("2s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
    @DefaultValue("3") int attempts, @DefaultValue("1s") Duration backoff) {

  public AuditSettings {
    if (baseUrl == null) throw new IllegalArgumentException("claraop.retention.audit.base-url is required");
    if (attempts < 1) throw new IllegalArgumentException("claraop.retention.audit.attempts < 1");
  }
}
