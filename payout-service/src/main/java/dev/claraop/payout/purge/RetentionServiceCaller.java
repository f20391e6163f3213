package dev.claraop.payout.purge;

import dev.claraop.platform.security.ServiceCaller;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Recognises retention-service, the one caller of the purge: its client-credentials token ({@link ServiceCaller}). */
@Component("retentionServiceCaller")
class RetentionServiceCaller {

  private final ServiceCaller retention;

  RetentionServiceCaller(PurgeSettings settings) {
    this.retention = new ServiceCaller(settings.purgeClient(), settings.purgeRole());
  }

  public boolean test(Authentication authentication) {
    return retention.test(authentication);
  }

  /** The actor recorded for a purge: the client, not its service account's generated user id. */
  String clientId() {
    return retention.clientId();
  }
}
