package dev.claraop.payout.batch;

import dev.claraop.payout.batch.internal.BatchViews;
import dev.claraop.payout.tenancy.PodScope;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.GrantScope;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.NotFound;
import dev.claraop.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/batches")
class BatchController {

  private static final String READERS = "hasAnyRole('ADMIN', 'MANAGER') or hasAuthority('GRANT_PAYOUTS_READ')";

  private final BatchGeneration generation;
  private final BatchLifecycle lifecycle;
  private final BatchViews views;
  private final PodScope pods;

  BatchController(BatchGeneration generation, BatchLifecycle lifecycle, BatchViews views, PodScope pods) {
    this.generation = generation;
    this.lifecycle = lifecycle;
    this.views = views;
    this.pods = pods;
  }

  @PostMapping
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Generate a batch from the tenant's approved, unpaid invoices in one currency",
      description = "201 with the batch as `GET /api/batches/{id}` shows it (lines inline up to "
          + BatchView.INLINE_LINES + ", `generatedAt` null: the view records it moments later).")
  ResponseEntity<BatchView> generate(ClaraPrincipal admin, @Valid @RequestBody GenerateBatchRequest request) {
    BatchView batch = generation.generate(admin, request.currency());
    return ResponseEntity.created(URI.create("/api/batches/" + batch.id())).body(batch);
  }

  /**
   * An ADMIN reads the tenant's batches; a MANAGER those paying their pods' creators, counting those lines only;
   * staff under a PAYOUTS_READ grant what an ADMIN of the grant's tenant reads (masked, like everyone's). Summaries
   * only, newest first, in cursor pages: no list carries a line.
   */
  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "The batches, newest first, as summaries without lines",
      description = "Cursor pages (`limit` 1 to " + BatchViews.LIST_MAX + ", default " + BatchViews.LIST_DEFAULT
          + "; larger: 400). Each summary gives `total` and `lineCount` of the lines the caller may see (a MANAGER: "
          + "their pods' creators') and `linesHref`, where those lines are paged. `status` filters by batch status.")
  Page<BatchSummary> list(ClaraPrincipal reader, @RequestParam(required = false) BatchStatus status,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "" + BatchViews.LIST_DEFAULT) int limit) {
    if (seesWholeBatches(reader)) return views.summaries(reader.tenantId(), status, cursor, limit);
    return views.summariesWithLinesOf(reader.tenantId(), managed(reader), status, cursor, limit);
  }

  /** For a MANAGER, a batch paying none of their pods' creators is absent (404), like another tenant's. */
  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "One batch",
      description = "`lines` (masked accounts) are given inline while the caller sees at most "
          + BatchView.INLINE_LINES + " lines of the batch; a larger batch leaves `lines` out. `lineCount` and "
          + "`total` always count the caller's lines, and `linesHref` (`GET /api/batches/{id}/lines`) pages them "
          + "whatever the size. `POST /api/batches` answers with the same shape.")
  BatchView one(ClaraPrincipal reader, @PathVariable String id) {
    var batch = seesWholeBatches(reader) ? views.find(reader.tenantId(), id)
        : views.findWithLinesOf(reader.tenantId(), id, managed(reader));
    return batch.orElseThrow(() -> new NotFound("batch"));
  }

  /**
   * A batch's lines in batch order, scoped as {@link #one}: another tenant's batch, or one paying none of a
   * manager's pods' creators, is 404.
   */
  @GetMapping("/{id}/lines")
  @PreAuthorize(READERS)
  @Operation(summary = "A batch's lines, in pages",
      description = "In the batch's order, masked accounts, cursor pages (`limit` 1 to " + BatchViews.LINES_MAX
          + ", default " + BatchViews.LINES_DEFAULT + "; larger: 400). A MANAGER reads their pods' creators' lines "
          + "only.")
  Page<BatchView.Line> lines(ClaraPrincipal reader, @PathVariable String id,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "" + BatchViews.LINES_DEFAULT) int limit) {
    var page = seesWholeBatches(reader) ? views.lines(reader.tenantId(), id, cursor, limit)
        : views.linesOf(reader.tenantId(), id, managed(reader), cursor, limit);
    return page.orElseThrow(() -> new NotFound("batch"));
  }

  private static boolean seesWholeBatches(ClaraPrincipal reader) {
    return reader.has(Role.ADMIN) || reader.covers(GrantScope.PAYOUTS_READ);
  }

  private Set<String> managed(ClaraPrincipal manager) {
    return pods.creatorsManagedBy(manager.tenantId(), manager.userId());
  }

  // Transitions answer 204: the batch's event is stored when they return; GET reads the view, which
  // follows the event store within the projection's lag.

  @PostMapping("/{id}/approve")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void approve(ClaraPrincipal admin, @PathVariable String id) {
    lifecycle.approve(admin, id);
  }

  @PostMapping("/{id}/cancel")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void cancel(ClaraPrincipal admin, @PathVariable String id, @Valid @RequestBody BatchNoteRequest request) {
    lifecycle.cancel(admin, id, request.reason());
  }

  @PostMapping("/{id}/lines/{lineId}/paid")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void paid(ClaraPrincipal admin, @PathVariable String id, @PathVariable String lineId) {
    lifecycle.markPaid(admin, id, lineId);
  }

  @PostMapping("/{id}/lines/{lineId}/failed")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void failed(
      ClaraPrincipal admin, @PathVariable String id, @PathVariable String lineId,
      @Valid @RequestBody BatchNoteRequest request) {
    lifecycle.markFailed(admin, id, lineId, request.reason());
  }
}
