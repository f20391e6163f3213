package dev.claraop.retention.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param payoutPurgeAfter how long after {@code closedAt} a batch's bank details are kept (DESIGN §6.3: 30 days; an
 *     ISO-8601 duration). It applies as configured now, also to batches closed earlier; payout-service checks its
 *     own period again, so a retention period shorter than payout's only earns 409s, never an early purge.
 */
@ConfigurationProperties("claraop.retention")
public record PurgeSettings(@DefaultValue("P30D") Duration payoutPurgeAfter) {

  public PurgeSettings {
    if (payoutPurgeAfter.isNegative()) throw new IllegalArgumentException("claraop.retention.payout-purge-after < 0");
  }
}
