package dev.claraop.identity.user;

import dev.claraop.identity.DelegatedOperatorRefused;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/users")
class UserController {

  private final Invitations invitations;
  private final MemberQueries members;

  UserController(Invitations invitations, MemberQueries members) {
    this.invitations = invitations;
    this.members = members;
  }

  /**
   * The caller's own tenant only. Reading is not changing who belongs, so a delegated ADMIN reads it as an ADMIN
   * does; a MANAGER reads the creators of their pods.
   */
  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  @Operation(summary = "The tenant's members with their role",
      description = "`{userId, email, role, status}` with status INVITED (no password set yet), ACTIVE or DISABLED. "
          + "An ADMIN reads every member, a MANAGER the creators of the pods they manage. `role` narrows the list; "
          + "cursor pages (`limit` 1 to " + MemberQueries.MAX_PAGE + ", default 50). 503 while Keycloak is unavailable.")
  Page<MemberView> list(ClaraPrincipal reader, @RequestParam(required = false) String role,
      @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
    return members.list(reader, role, cursor, limit);
  }

  /** Into the caller's own tenant only: the tenant comes from the token, never from the body. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  MemberView invite(ClaraPrincipal admin, @Valid @RequestBody InviteRequest request) {
    DelegatedOperatorRefused.unlessMember(admin, "invite users");
    return invitations.invite(admin.tenantId(), request, IdentityEvents.actor(admin));
  }
}
