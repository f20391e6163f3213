package dev.claraop.ingest.google;

import java.time.Instant;
import java.util.Set;

/**
 * What Google's token endpoint granted. {@code toString} names no token: the values are P1 and must never reach a
 * log line, even through a debugger's or a framework's printing of this record.
 */
public record GrantedTokens(String accessToken, String refreshToken, Instant accessExpiresAt, Set<String> scopes) {

  @Override
  public String toString() {
    return "GrantedTokens[scopes=" + scopes + ", accessExpiresAt=" + accessExpiresAt + "]";
  }
}
