package dev.claraop.payout.profile;

import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/payout-profiles/{creatorId}}: write-only bank details; reads are masked. */
@RestController
@RequestMapping("/api/payout-profiles")
class ProfileController {

  private final PayoutProfiles profiles;

  ProfileController(PayoutProfiles profiles) {
    this.profiles = profiles;
  }

  @PutMapping("/{creatorId}")
  @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
  PayoutProfileView put(ClaraPrincipal caller, @PathVariable String creatorId, @RequestBody PayoutProfileRequest request) {
    return profiles.set(caller, creatorId, request);
  }

  @GetMapping("/{creatorId}")
  @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR') or hasAuthority('GRANT_PAYOUTS_READ')")
  PayoutProfileView get(ClaraPrincipal caller, @PathVariable String creatorId) {
    return profiles.find(caller, creatorId).orElseThrow(() -> new NotFound("payout profile"));
  }
}
