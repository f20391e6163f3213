package dev.claraop.payout.invoice;

import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/invoices} (DESIGN §8): a CREATOR submits their own; everyone reads in their scope; an ADMIN or the
 * MANAGER of the creator's pod approves or rejects. Segregation of duties: a creator never decides on an invoice.
 */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

  private static final String READERS =
      "hasAnyRole('ADMIN', 'MANAGER', 'CREATOR') or hasAuthority('GRANT_INVOICES_READ')";

  private final Invoices invoices;

  InvoiceController(Invoices invoices) {
    this.invoices = invoices;
  }

  @PostMapping
  @PreAuthorize("hasRole('CREATOR')")
  @ResponseStatus(HttpStatus.CREATED)
  InvoiceView submit(ClaraPrincipal creator, @AuthenticationPrincipal Jwt token,
      @Valid @RequestBody SubmitInvoiceRequest request) {
    String name = token.getClaimAsString("name");
    return invoices.submit(creator, name == null || name.isBlank() ? "Creator" : name, request);
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Invoices in the caller's scope, newest first",
      description = "An ADMIN (or staff under an INVOICES_READ grant) reads the tenant's, a MANAGER their pods' "
          + "creators', a CREATOR their own. `status` and `creatorId` narrow the list; cursor pages (`limit` 1 to "
          + Invoices.MAX_PAGE + ", default 50).")
  Page<InvoiceView> list(ClaraPrincipal reader, @RequestParam(required = false) InvoiceStatus status,
      @RequestParam(required = false) String creatorId, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    return invoices.list(reader, status, creatorId, cursor, limit);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "One invoice", description = "Scoped as the list: another tenant's invoice, one outside a "
      + "MANAGER's pods or another creator's answers 404.")
  InvoiceView one(ClaraPrincipal reader, @PathVariable String id) {
    return invoices.one(reader, id);
  }

  @PostMapping("/{id}/approve")
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  InvoiceView approve(ClaraPrincipal reviewer, @PathVariable String id) {
    return invoices.approve(reviewer, id);
  }

  @PostMapping("/{id}/reject")
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  InvoiceView reject(ClaraPrincipal reviewer, @PathVariable String id, @Valid @RequestBody RejectInvoiceRequest request) {
    return invoices.reject(reviewer, id, request.reason());
  }
}
