package dev.claraop.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The broadcast consumer of revocations ({@link DelegationRevocationAutoConfiguration}).
 *
 * @param enabled on by default; false: only expiry ends a delegation inside a live token (up to the token's 5 minutes)
 * @param longestDelegation the longest a delegation can be approved for (identity-service's
 *     {@code claraop.identity.delegation.longest}, 90 days): a revocation whose approval was never read is kept
 *     this long after it happened, by which time the delegation has expired in any case
 */
@ConfigurationProperties("claraop.security.delegation-revocations")
public record DelegationRevocationSettings(@DefaultValue("true") boolean enabled, Duration longestDelegation) {

  public DelegationRevocationSettings {
    if (longestDelegation == null) longestDelegation = Duration.ofDays(90);
  }
}
