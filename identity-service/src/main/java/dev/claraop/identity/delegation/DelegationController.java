package dev.claraop.identity.delegation;

import dev.claraop.identity.DelegatedOperatorRefused;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/delegations")
class DelegationController {

  private final Delegations delegations;

  DelegationController(Delegations delegations) {
    this.delegations = delegations;
  }

  /**
   * The caller's own tenant's delegations. Reading them changes no one's access, so a delegated ADMIN reads them as
   * an ADMIN does (approving and revoking stay the tenant's own members').
   */
  @GetMapping
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "The tenant's delegated operators, newest approval first",
      description = "`status` (ACTIVE, EXPIRED, REVOKED) narrows the list as of now; cursor pages (`limit` 1 to "
          + Delegations.MAX_PAGE + ", default 50).")
  Page<DelegationView> list(ClaraPrincipal admin, @RequestParam(required = false) String status,
      @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
    return delegations.list(admin.tenantId(), status, cursor, limit);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  DelegationView approve(ClaraPrincipal admin, @Valid @RequestBody DelegationRequest request) {
    DelegatedOperatorRefused.unlessMember(admin, "approve delegations");
    return delegations.approve(admin.tenantId(), request, IdentityEvents.actor(admin));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasRole('ADMIN')")
  void revoke(ClaraPrincipal admin, @PathVariable String id) {
    DelegatedOperatorRefused.unlessMember(admin, "revoke delegations");
    delegations.revoke(admin.tenantId(), id, IdentityEvents.actor(admin));
  }
}
