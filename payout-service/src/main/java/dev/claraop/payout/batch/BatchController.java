package dev.claraop.payout.batch;

import dev.claraop.payout.batch.internal.BatchViews;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.NotFound;
import dev.claraop.platform.web.Page;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/batches")
class BatchController {

  private final BatchGeneration generation;
  private final BatchViews views;

  BatchController(BatchGeneration generation, BatchViews views) {
    this.generation = generation;
    this.views = views;
  }

  @PostMapping
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<BatchView> generate(ClaraPrincipal admin, @Valid @RequestBody GenerateBatchRequest request) {
    BatchView batch = generation.generate(admin, request.currency());
    return ResponseEntity.created(URI.create("/api/batches/" + batch.id())).body(batch);
  }

  @GetMapping
  @PreAuthorize("hasRole('ADMIN')")
  Page<BatchView> list(ClaraPrincipal admin) {
    return Page.last(views.ofTenant(admin.tenantId()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  BatchView one(ClaraPrincipal admin, @PathVariable String id) {
    return views.find(admin.tenantId(), id).orElseThrow(() -> new NotFound("batch"));
  }
}
