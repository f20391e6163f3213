package dev.claraop.payout.campaign;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventTypes;
import dev.claraop.events.payout.CampaignCreated;
import dev.claraop.payout.campaign.Campaign.CampaignStatus;
import dev.claraop.payout.campaign.internal.CampaignDocument;
import dev.claraop.payout.campaign.internal.CampaignViews;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.CorrelationIdFilter;
import dev.claraop.platform.web.NotFound;
import dev.claraop.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  @Operation(summary = "Campaigns in the caller's scope, newest first",
      description = "An ADMIN reads the tenant's; a MANAGER the drafts of the mailboxes they connected and the campaigns "
          + "from no inbox; a CREATOR the campaigns they invoiced, never a draft. `status` (DRAFT, ACTIVE, COMPLETED) "
          + "narrows the list; cursor pages (`limit` 1 to " + CampaignViews.MAX_PAGE + ", default 50).")
  Page<CampaignView> list(ClaraPrincipal caller, @RequestParam(required = false) CampaignStatus status,
      @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
    Page<CampaignDocument> found = caller.has(Role.ADMIN) ? views.ofTenant(caller.tenantId(), status, cursor, limit)
        : caller.has(Role.MANAGER) ? views.ofManager(caller.tenantId(), caller.userId(), status, cursor, limit)
        : views.ofCreator(caller.tenantId(), caller.userId(), status, cursor, limit);
    return new Page<>(found.items().stream().map(CampaignController::view).toList(), found.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'CREATOR')")
  @Operation(summary = "One campaign", description = "Scoped as the list: a campaign the caller's list would not "
      + "show, or another tenant's, answers 404.")
  CampaignView one(ClaraPrincipal caller, @PathVariable String id) {
    Optional<CampaignDocument> found = caller.has(Role.ADMIN) ? views.oneOfTenant(caller.tenantId(), id)
        : caller.has(Role.MANAGER) ? views.oneOfManager(caller.tenantId(), caller.userId(), id)
        : views.oneOfCreator(caller.tenantId(), caller.userId(), id);
    return found.map(CampaignController::view).orElseThrow(() -> new NotFound("campaign"));
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
