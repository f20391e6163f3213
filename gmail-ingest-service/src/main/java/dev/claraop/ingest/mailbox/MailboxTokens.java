package dev.claraop.ingest.mailbox;

import dev.claraop.ingest.google.GoogleOAuth;
import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.ingest.google.GrantedTokens;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.FieldValue;
import dev.claraop.platform.crypto.shredding.Subject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A mailbox's OAuth tokens, sealed under a data key of its own ({@code mailbox:<id>}) and opened only to call
 * Google. The access token is refreshed a few minutes before it expires; a refresh Google answers with
 * {@code invalid_grant} marks the mailbox REVOKED instead of being retried.
 */
@Component
public class MailboxTokens {

  /** Refresh this long before expiry, so a call never starts with a token about to lapse. */
  static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

  private final DataKeys dataKeys;
  private final GoogleOAuth google;
  private final Mailboxes mailboxes;
  private final Clock clock;

  MailboxTokens(DataKeys dataKeys, GoogleOAuth google, Mailboxes mailboxes, Clock clock) {
    this.dataKeys = dataKeys;
    this.google = google;
    this.mailboxes = mailboxes;
    this.clock = clock;
  }

  static Subject subject(String mailboxId) {
    return Subject.of("mailbox", mailboxId);
  }

  /** A new mailbox holding {@code tokens}, sealed. */
  public Mailbox connect(String mailboxId, String tenantId, String userId, GrantedTokens tokens) {
    dataKeys.createKey(subject(mailboxId));
    return new Mailbox(mailboxId, tenantId, userId, MailboxStatus.CONNECTED, seal(mailboxId, tokens.refreshToken()),
        seal(mailboxId, tokens.accessToken()), tokens.accessExpiresAt(), null, clock.instant(), null, null, null);
  }

  /** An access token valid for a few more minutes: the stored one, or a fresh one from the refresh token. */
  public String accessToken(Mailbox mailbox) {
    return accessToken(mailbox, false);
  }

  /** A new access token even though the stored one has not expired: Gmail refused it (401). */
  public String refreshedAccessToken(Mailbox mailbox) {
    return accessToken(mailbox, true);
  }

  private String accessToken(Mailbox mailbox, boolean forceRefresh) {
    if (mailbox.status() != MailboxStatus.CONNECTED) throw new MailboxRevoked(mailbox.id());
    if (!forceRefresh && mailbox.accessExpiresAt() != null && clock.instant().plus(REFRESH_AHEAD).isBefore(mailbox.accessExpiresAt())) {
      Optional<String> stored = open(mailbox.id(), mailbox.accessToken());
      if (stored.isPresent()) return stored.get();
    }
    String refreshToken = open(mailbox.id(), mailbox.refreshToken()).orElseThrow(() -> new MailboxRevoked(mailbox.id()));
    GrantedTokens fresh;
    try {
      fresh = google.refresh(refreshToken);
    } catch (GoogleRefusal refusal) {
      if (refusal.kind() == GoogleRefusal.Kind.INVALID_GRANT) {
        mailboxes.markRevoked(mailbox.id(), clock.instant());
        throw new MailboxRevoked(mailbox.id());
      }
      throw refusal;
    }
    mailboxes.storeAccessToken(mailbox.id(), seal(mailbox.id(), fresh.accessToken()), fresh.accessExpiresAt());
    return fresh.accessToken();
  }

  /** The refresh token, to revoke the grant at Google on disconnect; empty once shredded. */
  public Optional<String> refreshToken(Mailbox mailbox) {
    return open(mailbox.id(), mailbox.refreshToken());
  }

  /** Forgets the tokens for good: the data key goes, so no copy of the ciphertexts (backups included) opens again. */
  public void shred(String mailboxId) {
    dataKeys.shred(subject(mailboxId));
  }

  private String seal(String mailboxId, String plaintext) {
    return dataKeys.encrypt(subject(mailboxId), plaintext).text();
  }

  private Optional<String> open(String mailboxId, String stored) {
    if (stored == null) return Optional.empty();
    return switch (dataKeys.decrypt(subject(mailboxId), Ciphertext.parse(stored))) {
      case FieldValue.Readable readable -> Optional.of(readable.plaintext());
      case FieldValue.Shredded shredded -> Optional.empty();
    };
  }
}
