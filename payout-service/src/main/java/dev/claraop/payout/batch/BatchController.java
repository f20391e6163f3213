package dev.claraop.payout.batch;

import dev.claraop.payout.batch.internal.BatchViews;
import dev.claraop.payout.tenancy.PodScope;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.GrantScope;
import dev.claraop.platform.security.Role;
import dev.claraop.platform.web.NotFound;
import dev.claraop.platform.web.Page;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/batches")
class BatchController {

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
  ResponseEntity<BatchView> generate(ClaraPrincipal admin, @Valid @RequestBody GenerateBatchRequest request) {
    BatchView batch = generation.generate(admin, request.currency());
    return ResponseEntity.created(URI.create("/api/batches/" + batch.id())).body(batch);
  }

  /**
   * An ADMIN reads the tenant's batches; a MANAGER those paying their pods' creators, with those lines only; staff
   * under a PAYOUTS_READ grant what an ADMIN of the grant's tenant reads (masked, like everyone's).
   */
  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER') or hasAuthority('GRANT_PAYOUTS_READ')")
  Page<BatchView> list(ClaraPrincipal reader) {
    if (reader.has(Role.ADMIN) || reader.covers(GrantScope.PAYOUTS_READ)) return Page.last(views.ofTenant(reader.tenantId()));
    return Page.last(views.withLinesOf(reader.tenantId(), pods.creatorsManagedBy(reader.tenantId(), reader.userId())));
  }

  /** For a MANAGER, a batch paying none of their pods' creators is absent (404), like another tenant's. */
  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER') or hasAuthority('GRANT_PAYOUTS_READ')")
  BatchView one(ClaraPrincipal reader, @PathVariable String id) {
    var batch = reader.has(Role.ADMIN) || reader.covers(GrantScope.PAYOUTS_READ) ? views.find(reader.tenantId(), id)
        : views.findWithLinesOf(reader.tenantId(), id, pods.creatorsManagedBy(reader.tenantId(), reader.userId()));
    return batch.orElseThrow(() -> new NotFound("batch"));
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
