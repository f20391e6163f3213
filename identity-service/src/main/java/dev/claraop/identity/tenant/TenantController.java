package dev.claraop.identity.tenant;

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
@RequestMapping("/api/identity/tenants")
class TenantController {

  private final TenantOnboarding onboarding;

  TenantController(TenantOnboarding onboarding) {
    this.onboarding = onboarding;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('PLATFORM_ADMIN')")
  TenantView create(ClaraPrincipal platformAdmin, @Valid @RequestBody TenantRequest request) {
    return onboarding.create(request, IdentityEvents.actor(platformAdmin));
  }
}
