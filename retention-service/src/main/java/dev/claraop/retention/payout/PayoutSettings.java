package dev.claraop.retention.payout;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How retention-service reaches payout-service's purge command, and as whom.
 *
 * @param baseUrl payout-service itself (the purge path is not routed by the gateway)
 * @param tokenUri Keycloak's token endpoint of realm claraop
 * @param clientId the confidential client whose service account holds SERVICE_RETENTION
 * @param clientSecret its secret, from the environment only
 * @param connectTimeout bound on opening a connection (payout-service and Keycloak)
 * @param readTimeout bound on waiting for an answer; a purge is one command and one key deletion
 * @param attempts calls per batch and run before it counts as failed (it stays due for the next run)
 * @param backoff wait before the second attempt, doubled for each further one
 * @param openFor how long the breaker fails calls at once after payout-service kept failing
 */
@ConfigurationProperties("claraop.retention.payout")
public record PayoutSettings(
    URI baseUrl, URI tokenUri, @DefaultValue("retention-service") String clientId, String clientSecret,
    @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff, @DefaultValue("30s") Duration openFor) {

  public PayoutSettings {
    if (baseUrl == null || tokenUri == null) {
      throw new IllegalArgumentException("claraop.retention.payout.base-url and token-uri are required");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException("claraop.retention.payout.client-secret is required (CLARAOP_RETENTION_CLIENT_SECRET)");
    }
    if (attempts < 1) throw new IllegalArgumentException("claraop.retention.payout.attempts < 1");
  }

  @Override
  public String toString() { // the secret stays out of logs and failure analyses
    return "PayoutSettings[baseUrl=" + baseUrl + ", tokenUri=" + tokenUri + ", clientId=" + clientId + "]";
  }
}
