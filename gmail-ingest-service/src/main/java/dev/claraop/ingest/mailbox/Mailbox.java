package dev.claraop.ingest.mailbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A connected Gmail inbox of one tenant. Its tokens are stored only as ciphertexts under the mailbox's own data key
 * ({@link MailboxTokens}); {@code historyId} is where the next incremental sync starts.
 *
 * @param connectedBy the ADMIN or MANAGER who gave consent; a MANAGER sees only the mailboxes they connected
 */
@Document("mailboxes")
public record Mailbox(
    @Id String id,
    String tenantId,
    String connectedBy,
    MailboxStatus status,
    String refreshToken,
    String accessToken,
    Instant accessExpiresAt,
    String historyId,
    Instant connectedAt,
    Instant lastSyncedAt,
    String lastSyncOutcome,
    Instant revokedAt) {

  @Override
  public String toString() {
    return "Mailbox[" + id + ", tenant " + tenantId + ", " + status + "]";
  }
}
