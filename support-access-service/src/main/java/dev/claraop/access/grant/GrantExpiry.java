package dev.claraop.access.grant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records expiries every few seconds. Safe on several instances at once: each change holds only on the
 * version it read, so a grant is expired, and announced, once.
 */
@Component
class GrantExpiry {

  private final GrantEndings endings;
  private final Counter expired;

  GrantExpiry(GrantEndings endings, MeterRegistry meters) {
    this.endings = endings;
    this.expired = Counter.builder("claraop.access.grants.expired")
        .description("Requests and grants recorded as expired").register(meters);
  }

  @Scheduled(fixedDelayString = "${claraop.access.grants.expiry-check-interval:10s}")
  void run() {
    expired.increment(endings.expireDue());
  }
}
