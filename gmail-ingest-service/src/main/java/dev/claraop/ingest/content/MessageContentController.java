package dev.claraop.ingest.content;

import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.ingest.mailbox.MailboxTokens;
import dev.claraop.ingest.mailbox.Mailboxes;
import dev.claraop.platform.security.ClaraPrincipal;
import dev.claraop.platform.security.GrantScope;
import dev.claraop.platform.web.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/inbox/{mailboxId}/messages/{messageId}/content}: the only way any person reads a message body
 * (seed 000, "Employee & engineer access"). Only staff under an ACTIVE grant with EMAIL_CONTENT_READ, which
 * support-access-service issues only with a complaint reference or legal basis and a reviewer's approval; no tenant
 * role reaches it. platform-security records the read ({@code access.staff-read}, with the grant's basis) before
 * the answer leaves. The mailbox must be in the grant's tenant (else 404).
 */
@RestController
class MessageContentController {

  private final Mailboxes mailboxes;
  private final MailboxTokens tokens;
  private final GmailMessageBodies bodies;

  MessageContentController(Mailboxes mailboxes, MailboxTokens tokens, GmailMessageBodies bodies) {
    this.mailboxes = mailboxes;
    this.tokens = tokens;
    this.bodies = bodies;
  }

  @GetMapping("/api/inbox/{mailboxId}/messages/{messageId}/content")
  @PreAuthorize("hasAuthority('GRANT_EMAIL_CONTENT_READ')")
  ResponseEntity<MessageContent> content(ClaraPrincipal staff, @PathVariable String mailboxId,
      @PathVariable String messageId) {
    if (!staff.covers(GrantScope.EMAIL_CONTENT_READ)) throw new NotFound("message"); // method security said so already
    Mailbox mailbox = mailboxes.byId(mailboxId).filter(m -> m.tenantId().equals(staff.tenantId()))
        .orElseThrow(() -> new NotFound("mailbox"));
    MessageContent content;
    try {
      content = bodies.fetch(mailbox.id(), tokens.accessToken(mailbox), messageId).orElseThrow(() -> new NotFound("message"));
    } catch (GoogleRefusal refusal) {
      if (refusal.kind() != GoogleRefusal.Kind.UNAUTHENTICATED) throw refusal;
      content = bodies.fetch(mailbox.id(), tokens.refreshedAccessToken(mailbox), messageId)
          .orElseThrow(() -> new NotFound("message"));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(content);
  }
}
