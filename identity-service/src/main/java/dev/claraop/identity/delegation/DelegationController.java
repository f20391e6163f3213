package dev.claraop.identity.delegation;

import dev.claraop.identity.DelegatedOperatorRefused;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.platform.security.ClaraPrincipal;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/delegations")
class DelegationController {

  private final Delegations delegations;

  DelegationController(Delegations delegations) {
    this.delegations = delegations;
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
