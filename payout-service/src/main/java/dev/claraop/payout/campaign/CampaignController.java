package dev.claraop.payout.campaign;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventTypes;
import dev.claraop.events.payout.CampaignCreated;
import dev.claraop.payout.campaign.internal.CampaignDocument;
import dev.claraop.payout.campaign.internal.CampaignViews;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.Page;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's campaigns (DESIGN §8): an ADMIN sees all, a MANAGER their own inbox drafts and the hand-made ones, a
 * CREATOR the campaigns they invoiced (never a draft). ADMIN and MANAGER make campaigns by hand.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

  private final CampaignViews views;
  private final Clock clock;
  private final EventCodec codec = new EventCodec();

  CampaignController(CampaignViews views, Clock clock) {
    this.views = views;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'CREATOR')")
  Page<CampaignView> list(ClaraPrincipal caller) {
    List<CampaignDocument> found = caller.has(Role.ADMIN) ? views.ofTenant(caller.tenantId())
        : caller.has(Role.MANAGER) ? views.ofManager(caller.tenantId(), caller.userId())
        : views.ofCreator(caller.tenantId(), caller.userId());
    return Page.last(found.stream().map(CampaignController::view).toList());
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  @ResponseStatus(HttpStatus.CREATED)
  CampaignView create(ClaraPrincipal caller, @Valid @RequestBody CreateCampaignRequest request) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return view(views.create(caller.tenantId(), caller.userId(), request.name(), request.brand(), at, id ->
        EventOutbox.record(EventTypes.PAYOUT_CAMPAIGN_CREATED, codec.envelope(EventTypes.PAYOUT_CAMPAIGN_CREATED,
            UUID.randomUUID(), at, caller.tenantId(), Actor.user(caller.userId()), id, CorrelationIdFilter.current(),
            null, new CampaignCreated(id, request.name().strip(), request.brand().strip(), caller.userId())))));
  }

  private static CampaignView view(CampaignDocument c) {
    return new CampaignView(c.id(), c.name(), c.brand(), c.status() == null ? null : c.status().name(),
        c.source() == null ? "MANUAL" : c.source(), c.brandDomain(), c.mailboxId(), c.threadId(),
        c.cues() == null ? List.of() : c.cues(), c.detectedAt(), c.createdAt());
  }
}
