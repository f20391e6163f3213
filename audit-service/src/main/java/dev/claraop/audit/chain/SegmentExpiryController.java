package dev.claraop.audit.chain;

import dev.claraop.platform.security.ServiceCaller;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/audit/segments/expire?before=YYYY-MM-DD}: retention-service's daily request to remove the
 * sealed UTC days before {@code before} (DESIGN §6.6). Outside {@code /api}, so the gateway does not route it; only
 * retention-service's client-credentials token passes. A {@code before} inside the kept period answers 409.
 */
@RestController
class SegmentExpiryController {

  private final DaySegmentRetention retention;

  SegmentExpiryController(DaySegmentRetention retention) {
    this.retention = retention;
  }

  @PostMapping("/internal/audit/segments/expire")
  @PreAuthorize("@auditRetentionCaller.test(authentication)")
  DaySegmentRetention.Removal expire(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate before) {
    return retention.removeDaysBefore(before);
  }

  /** retention-service, as {@link ServiceCaller} recognises it from the configured client and role. */
  @Component("auditRetentionCaller")
  static class RetentionCaller {
    private final ServiceCaller caller;

    RetentionCaller(DaySegmentRetention.Settings settings) {
      this.caller = new ServiceCaller(settings.client(), settings.role());
    }

    public boolean test(Authentication authentication) {
      return caller.test(authentication);
    }
  }
}
