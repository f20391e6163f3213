package dev.claraop.payout.batch;

import dev.claraop.payout.batch.internal.CreatorPayoutViews;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A creator's own payout trail (issue 20 §4): where their money is, batch by batch. */
@RestController
@RequestMapping("/api/my/payouts")
class CreatorPayoutController {

  private final CreatorPayoutViews trail;

  CreatorPayoutController(CreatorPayoutViews trail) {
    this.trail = trail;
  }

  /**
   * The caller's own lines only: a CREATOR acting as themself. Everyone else is 403, a delegated operator holding the
   * CREATOR role too: they are not the creator being paid.
   */
  @GetMapping
  @PreAuthorize("hasRole('CREATOR')")
  @Operation(summary = "The calling creator's payouts, newest first",
      description = "Each of the creator's batch lines with its amount, currency, status (PENDING, PAID, FAILED with "
          + "`failureReason`), the batch's status, the masked account, when the batch was generated, approved and "
          + "exported and when the line was confirmed paid or failed, and who approved as a role (`approvedBy`: "
          + "\"an agency admin\"), never a name or id. Cursor pages (`limit` 1 to " + CreatorPayoutViews.MAX
          + ", default " + CreatorPayoutViews.DEFAULT + "; larger: 400).")
  Page<CreatorPayoutView> mine(ClaraPrincipal creator, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "" + CreatorPayoutViews.DEFAULT) int limit) {
    if (creator.isDelegated()) throw new AccessDeniedException("a payout trail is read by the creator themself");
    return trail.of(creator.tenantId(), creator.userId(), cursor, limit);
  }
}
