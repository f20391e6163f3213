package dev.claraop.access.grant;

import dev.claraop.platform.security.ClaraPrincipal;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff access requests, their decisions, and the grants they become (DESIGN §6.7, §8). */
@RestController
@RequestMapping("/api/support-access")
class GrantController {

  private final AccessRequests requests;
  private final GrantEndings endings;
  private final GrantQueries queries;

  GrantController(AccessRequests requests, GrantEndings endings, GrantQueries queries) {
    this.requests = requests;
    this.endings = endings;
    this.queries = queries;
  }

  @PostMapping("/requests")
  @PreAuthorize("hasRole('SUPPORT_ENGINEER')")
  ResponseEntity<GrantView> request(ClaraPrincipal engineer, @Valid @RequestBody AccessRequestBody body) {
    GrantView grant = requests.submit(engineer, body);
    return ResponseEntity.created(URI.create("/api/support-access/grants/" + grant.id())).body(grant);
  }

  @PostMapping("/requests/{id}/approve")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT_REVIEWER')")
  GrantView approve(ClaraPrincipal approver, @PathVariable String id) {
    return requests.approve(approver, id);
  }

  @PostMapping("/requests/{id}/deny")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT_REVIEWER')")
  GrantView deny(ClaraPrincipal decider, @PathVariable String id, @Valid @RequestBody DenyBody body) {
    return requests.deny(decider, id, body);
  }

  @PostMapping("/tickets/{ticketId}/close")
  @PreAuthorize("hasAnyRole('SUPPORT_ENGINEER', 'SUPPORT_REVIEWER', 'PLATFORM_ADMIN')")
  TicketClosure closeTicket(ClaraPrincipal staff, @PathVariable String ticketId) {
    return endings.closeTicket(staff, ticketId);
  }

  @PostMapping("/grants/{id}/revoke")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT_ENGINEER')")
  GrantView revoke(ClaraPrincipal caller, @PathVariable String id) {
    return endings.revoke(caller, id);
  }

  @GetMapping("/grants")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT_ENGINEER', 'SUPPORT_REVIEWER', 'PLATFORM_ADMIN')")
  Page<GrantView> list(ClaraPrincipal caller, @RequestParam(required = false) GrantStatus status) {
    return Page.last(queries.list(caller, status));
  }

  /** What other services ask before admitting a staff read: is this grant active, for whom, on what. */
  @GetMapping("/grants/{id}")
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT_ENGINEER', 'SUPPORT_REVIEWER', 'PLATFORM_ADMIN')")
  GrantView one(ClaraPrincipal caller, @PathVariable String id) {
    return queries.one(caller, id);
  }
}
