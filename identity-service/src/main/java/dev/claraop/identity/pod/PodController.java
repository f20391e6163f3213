package dev.claraop.identity.pod;

import dev.claraop.events.Actor;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.Page;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/pods")
class PodController {

  private final PodChanges pods;

  PodController(PodChanges pods) {
    this.pods = pods;
  }

  @PutMapping("/{podId}")
  @PreAuthorize("hasRole('ADMIN')")
  PodView put(ClaraPrincipal admin, @PathVariable String podId, @Valid @RequestBody PodRequest request) {
    return pods.put(admin.tenantId(), podId, request, Actor.user(admin.userId()), CorrelationIdFilter.current());
  }

  @GetMapping
  @PreAuthorize("hasRole('ADMIN')")
  Page<PodView> list(ClaraPrincipal admin) {
    return Page.last(pods.ofTenant(admin.tenantId()));
  }
}
