package dev.claraop.audit.entry;

import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant ADMIN reads their own tenant's trail; nobody else reads it through this API. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditEntries entries;

  AuditController(AuditEntries entries) {
    this.entries = entries;
  }

  @GetMapping("/entries")
  @PreAuthorize("hasRole('ADMIN')")
  Page<AuditEntry> entries(
      ClaraPrincipal admin,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String resource,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    AuditEntries.Slice slice = entries.ofTenant(admin.tenantId(),
        new AuditEntries.Filter(action, actor, resource, from, to), cursor, limit);
    return new Page<>(slice.entries(), slice.nextCursor());
  }
}
