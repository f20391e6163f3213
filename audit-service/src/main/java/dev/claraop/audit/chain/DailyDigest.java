package dev.claraop.audit.chain;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The seal of one UTC day of one tenant's chain: which entries it holds, the hash the day ends on, and the
 * previous digest's hash, signed. A tenant ADMIN downloads these and keeps them outside ClaraOP: checked
 * against a copy held outside, even a chain rewritten wholesale in the database is caught.
 *
 * @param day ISO date (UTC) of the entries' {@code recordedAt}
 */
@Document("audit_digests")
public record DailyDigest(
    @Id String id,
    String chain,
    String tenantId,
    String day,
    long firstSequence,
    long lastSequence,
    long entries,
    String lastHash,
    String previousDigestHash,
    String hash,
    String keyId,
    String signature) {

  static String idOf(String chain, String day) {
    return chain + ":" + day;
  }

  /** What the hash covers, in a fixed order. */
  String canonical() {
    return String.join("|", chain, day, Long.toString(firstSequence), Long.toString(lastSequence),
        Long.toString(entries), lastHash, previousDigestHash);
  }
}
