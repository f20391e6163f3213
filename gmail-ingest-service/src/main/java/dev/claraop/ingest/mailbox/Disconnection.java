package dev.claraop.ingest.mailbox;

import dev.claraop.ingest.google.GoogleOAuth;
import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.platform.security.ClaraPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Disconnecting a mailbox: the grant is revoked at Google (revoking the refresh token ends every access token made
 * from it), the tokens' data key is shredded and the mailbox removed. Campaigns already made from its mail stay:
 * they belong to payout-service and are removed there, by hand (seed 000).
 */
@Component
public class Disconnection {

  private static final Logger log = LoggerFactory.getLogger(Disconnection.class);
  private final Mailboxes mailboxes;
  private final MailboxTokens tokens;
  private final GoogleOAuth google;

  Disconnection(Mailboxes mailboxes, MailboxTokens tokens, GoogleOAuth google) {
    this.mailboxes = mailboxes;
    this.tokens = tokens;
    this.google = google;
  }

  void disconnect(ClaraPrincipal caller, String id) {
    disconnect(mailboxes.visible(caller, id));
  }

  /** Disconnects {@code mailbox} whoever asks: its user from the API, or the erasure of the user's account. */
  public void disconnect(Mailbox mailbox) {
    tokens.refreshToken(mailbox).ifPresent(refreshToken -> {
      try {
        google.revoke(refreshToken);
      } catch (GoogleRefusal refusal) {
        // The token is destroyed below either way; the user can still remove the app in their Google Account.
        log.warn("mailbox {}: Google did not confirm the revocation ({})", mailbox.id(), refusal.getMessage());
      }
    });
    tokens.shred(mailbox.id());
    mailboxes.delete(mailbox.id());
  }
}
