package dev.claraop.payout.campaign;

import dev.claraop.payout.campaign.internal.CampaignDocument;
import dev.claraop.payout.campaign.internal.CampaignViews;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.Page;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's campaigns: an ADMIN sees all, a MANAGER their own inbox drafts and the hand-made ones; a CREATOR none. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

  private final CampaignViews views;

  CampaignController(CampaignViews views) {
    this.views = views;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  Page<CampaignView> list(ClaraPrincipal caller) {
    List<CampaignDocument> found = caller.has(Role.ADMIN) ? views.ofTenant(caller.tenantId())
        : views.ofManager(caller.tenantId(), caller.userId());
    return Page.last(found.stream().map(CampaignController::view).toList());
  }

  private static CampaignView view(CampaignDocument c) {
    return new CampaignView(c.id(), c.name(), c.brand(), c.status() == null ? null : c.status().name(),
        c.source() == null ? "MANUAL" : c.source(), c.brandDomain(), c.mailboxId(), c.threadId(),
        c.cues() == null ? List.of() : c.cues(), c.detectedAt(), c.createdAt());
  }
}
