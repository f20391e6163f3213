package dev.claraop.audit.chain;

import dev.claraop.audit.entry.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 over a canonical form of an entry: its fields in a fixed order, maps sorted by key, instants in
 * ISO-8601 at millisecond precision (what MongoDB keeps), and the previous entry's hash. The same entry
 * read back from the database hashes to the same value; any edit to any field changes it.
 */
public final class ChainHash {

  /** The previous hash of a chain's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static String of(AuditEntry e) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("id", e.id());
    canonical.put("chain", e.chain());
    canonical.put("sequence", e.sequence());
    canonical.put("previousHash", e.previousHash());
    canonical.put("tenantId", e.tenantId());
    canonical.put("occurredAt", String.valueOf(e.occurredAt()));
    canonical.put("recordedAt", String.valueOf(e.recordedAt()));
    canonical.put("type", e.type());
    canonical.put("action", e.action());
    canonical.put("resourceType", e.resource() == null ? null : e.resource().type());
    canonical.put("resourceId", e.resource() == null ? null : e.resource().id());
    canonical.put("actorKind", e.actor().kind());
    canonical.put("actorId", e.actor().id());
    canonical.put("actorGrantId", e.actor().grantId());
    canonical.put("outcome", String.valueOf(e.outcome()));
    canonical.put("purpose", e.purpose());
    canonical.put("details", e.details() == null ? null : new TreeMap<>(e.details()));
    canonical.put("correlationId", e.correlationId());
    return sha256(JSON.writeValueAsString(canonical));
  }

  /**
   * Why {@code entry} does not belong where it stands, or null when it does: the place it must take is
   * {@code expectedSequence}, right after an entry whose hash is {@code expectedPrevious}. One rule for the
   * verifier and for sealing, so the two can never disagree on what an intact chain is.
   */
  public static String linkBreak(AuditEntry entry, long expectedSequence, String expectedPrevious) {
    if (entry.sequence() != expectedSequence) return "expected sequence " + expectedSequence + ", found " + entry.sequence();
    if (!expectedPrevious.equals(entry.previousHash())) return "does not link to the previous entry's hash";
    if (!of(entry).equals(entry.hash())) return "content does not match its hash";
    return null;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private ChainHash() {}
}
