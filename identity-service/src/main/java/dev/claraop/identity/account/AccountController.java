package dev.claraop.identity.account;

import dev.claraop.identity.DelegatedOperatorRefused;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.platform.security.ClaraPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account only: the user comes from the token, there is no id in the path. */
@RestController
@RequestMapping("/api/identity/account/deletion")
class AccountController {

  private final AccountLifecycle lifecycle;

  AccountController(AccountLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'CREATOR')")
  @Operation(summary = "Where the caller's own account stands",
      description = "`{status: ACTIVE|PENDING_DELETION|ERASED, graceEndsAt}`: `graceEndsAt` is set while a deletion "
          + "is pending and can be taken back (DELETE) until then. Managed as oneself, never under a delegation (403).")
  AccountView current(ClaraPrincipal self) {
    DelegatedOperatorRefused.unlessMember(self, "read an account under a delegation");
    return lifecycle.current(self.userId());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'CREATOR')")
  AccountView request(ClaraPrincipal self) {
    DelegatedOperatorRefused.unlessMember(self, "delete an account under a delegation");
    return lifecycle.requestDeletion(self.userId(), self.tenantId(), IdentityEvents.actor(self));
  }

  @DeleteMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'CREATOR')")
  AccountView reactivate(ClaraPrincipal self) {
    DelegatedOperatorRefused.unlessMember(self, "reactivate an account under a delegation");
    return lifecycle.reactivate(self.userId(), self.tenantId(), IdentityEvents.actor(self));
  }
}
