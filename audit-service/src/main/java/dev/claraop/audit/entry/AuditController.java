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
        new AuditEntries.Filter(action, actor, resource, from, to, null), cursor, limit);
    return new Page<>(slice.entries(), slice.nextCursor());
  }

  /**
   * One staff act on the tenant's data, as Google's Access Transparency shows them (REFERENCES.md): who, under
   * which grant, why (reason, ticket), what (resource, method, outcome), when, and who approved the grant. Staff
   * reads ({@code access.staff-read}) carry all of it; the grant's own lifecycle acts by staff show beside them.
   */
  record StaffAccess(String who, String grantId, String reason, String ticketId, String approvedBy, String action,
      AuditEntry.Resource what, String method, String status, AuditEntry.Outcome outcome, String purpose,
      java.time.Instant when) {}

  /** Every act staff made on this tenant's data: who, under which grant, why, to what, when, approved by whom. */
  @GetMapping("/access-transparency")
  @PreAuthorize("hasRole('ADMIN')")
  Page<StaffAccess> accessTransparency(
      ClaraPrincipal admin,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    AuditEntries.Slice slice = entries.ofTenant(admin.tenantId(),
        new AuditEntries.Filter(null, null, null, null, null, "STAFF"), cursor, limit);
    return new Page<>(slice.entries().stream().map(e -> new StaffAccess(e.actor().id(), e.actor().grantId(),
        detail(e, "reason"), detail(e, "ticketId"), detail(e, "approvedBy"), e.action(), e.resource(),
        detail(e, "method"), detail(e, "status"), e.outcome(), e.purpose(), e.occurredAt())).toList(),
        slice.nextCursor());
  }

  private static String detail(AuditEntry entry, String key) {
    return entry.details() == null ? null : entry.details().get(key);
  }
}
