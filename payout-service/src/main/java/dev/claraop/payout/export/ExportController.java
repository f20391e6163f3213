package dev.claraop.payout.export;

import dev.claraop.platform.security.ClaraPrincipal;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/batches/{id}/export}: the bank file itself, as an attachment nothing may cache. */
@RestController
class ExportController {

  private final BatchExport export;

  ExportController(BatchExport export) {
    this.export = export;
  }

  @PostMapping("/api/batches/{id}/export")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<byte[]> export(ClaraPrincipal admin, @PathVariable String id, @RequestBody ExportRequest request) {
    BankFile file = export.export(admin, id, request);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
        .cacheControl(CacheControl.noStore())
        .header("X-File-SHA256", file.sha256())
        .body(file.content());
  }
}
