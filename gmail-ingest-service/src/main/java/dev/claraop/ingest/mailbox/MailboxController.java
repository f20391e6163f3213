package dev.claraop.ingest.mailbox;

import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.web.Conflict;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The connected mailboxes: ADMIN all of the tenant's, MANAGER their own; a CREATOR never (403). */
@RestController
@RequestMapping("/api/inbox")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class MailboxController {

  private final Mailboxes mailboxes;
  private final Disconnection disconnection;
  private final SyncRequests syncs;

  MailboxController(Mailboxes mailboxes, Disconnection disconnection, SyncRequests syncs) {
    this.mailboxes = mailboxes;
    this.disconnection = disconnection;
    this.syncs = syncs;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER') or hasAuthority('GRANT_EMAIL_METADATA_READ')")
  List<MailboxView> list(ClaraPrincipal caller) {
    return mailboxes.visibleTo(caller).stream().map(MailboxView::of).toList();
  }

  @PostMapping("/{id}/sync")
  ResponseEntity<Void> sync(ClaraPrincipal caller, @PathVariable String id) {
    Mailbox mailbox = mailboxes.visible(caller, id);
    if (mailbox.status() != MailboxStatus.CONNECTED) throw new Conflict("mailbox is " + mailbox.status());
    syncs.request(mailbox.id());
    return ResponseEntity.accepted().build();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> disconnect(ClaraPrincipal caller, @PathVariable String id) {
    disconnection.disconnect(caller, id);
    return ResponseEntity.noContent().build();
  }
}
