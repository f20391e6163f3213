package dev.claraop.identity.user;

import dev.claraop.identity.DelegatedOperatorRefused;
import dev.claraop.identity.IdentityEvents;
import dev.claraop.platform.security.ClaraPrincipal;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/users")
class UserController {

  private final Invitations invitations;

  UserController(Invitations invitations) {
    this.invitations = invitations;
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
