package dev.claraop.access.grant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxDuration the longest grant a request may ask for (a working day)
 * @param decisionWindow how long a request waits for a decision before it expires
 */
@ConfigurationProperties("claraop.access.grants")
public record GrantSettings(
    @DefaultValue("8h") Duration maxDuration,
    @DefaultValue("24h") Duration decisionWindow) {

  public GrantSettings {
    if (maxDuration.isNegative() || maxDuration.isZero()) throw new IllegalArgumentException("maxDuration must be positive");
    if (decisionWindow.isNegative() || decisionWindow.isZero()) throw new IllegalArgumentException("decisionWindow must be positive");
  }
}
