package dev.claraop.ingest.connect;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A consent under way: the {@code state} sent to Google, bound to who asked and the PKCE verifier. Stored under the
 * state's SHA-256, so the collection holds nothing a reader could present to the callback.
 */
@Document("pending_consents")
record PendingConsent(@Id String stateHash, String tenantId, String userId, String codeVerifier, Instant expiresAt) {

  @Override
  public String toString() {
    return "PendingConsent[tenant " + tenantId + ", user " + userId + ", expires " + expiresAt + "]";
  }
}
