package dev.claraop.retention.erasure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account erasure's periods (ISO-8601). The grace itself is identity's: each deletion request carries its end.
 *
 * @param pollInterval how often {@link AdvanceErasures} looks for erasures to move on (also its first delay)
 * @param confirmTimeout how long an ask may go unanswered before it is repeated: services that have not confirmed
 *     are asked again, and identity is told again that all confirmed while it has not deleted the account
 */
@ConfigurationProperties("claraop.retention.erasure")
public record ErasureSettings(@DefaultValue("PT1M") Duration pollInterval, @DefaultValue("PT1H") Duration confirmTimeout) {

  public ErasureSettings {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("claraop.retention.erasure.poll-interval must be positive");
    }
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      throw new IllegalArgumentException("claraop.retention.erasure.confirm-timeout must be positive");
    }
  }
}
