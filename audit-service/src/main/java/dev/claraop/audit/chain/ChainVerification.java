package dev.claraop.audit.chain;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.audit.entry.AuditEntry;
import java.time.Instant;
import java.util.Iterator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Recomputes a tenant's chain: every entry must sit at the next sequence number, link to the previous
 * entry's hash and hash to what it stores. An edited entry fails its own hash, a deleted one leaves a gap,
 * reordered ones fail their links, and a cut-off tail no longer reaches the chain's head.
 */
@Component
public class ChainVerification {

  private final MongoTemplate mongo;

  ChainVerification(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** @param reason why the chain is broken, null when it is not */
  public record Result(boolean ok, long entriesChecked, String firstBrokenEntryId, String reason) {

    static Result broken(long checked, String entryId, String reason) {
      return new Result(false, checked, entryId, reason);
    }
  }

  public Result verify(String tenantId, Instant from, Instant to) {
    String chain = AuditChain.chainOf(tenantId);
    Criteria criteria = where("chain").is(chain);
    if (from != null && to != null) criteria = criteria.and("recordedAt").gte(from).lt(to);
    else if (from != null) criteria = criteria.and("recordedAt").gte(from);
    else if (to != null) criteria = criteria.and("recordedAt").lt(to);
    Query inRange = new Query(criteria).with(Sort.by("sequence"));

    long checked = 0;
    Long expectedSequence = null;
    String expectedPrevious = null;
    AuditEntry last = null;
    try (var entries = mongo.stream(inRange, AuditEntry.class)) {
      Iterator<AuditEntry> it = entries.iterator();
      while (it.hasNext()) {
        AuditEntry entry = it.next();
        if (expectedSequence == null) {
          Link start = linkBefore(chain, entry.sequence());
          if (start == null) return Result.broken(checked, entry.id(), "no entry or digest precedes sequence " + entry.sequence());
          expectedSequence = entry.sequence();
          expectedPrevious = start.hash();
        }
        String broken = ChainHash.linkBreak(entry, expectedSequence, expectedPrevious);
        if (broken != null) return Result.broken(checked, entry.id(), broken);
        checked++;
        expectedSequence = entry.sequence() + 1;
        expectedPrevious = entry.hash();
        last = entry;
      }
    }
    if (to == null) {
      ChainHead head = mongo.findById(chain, ChainHead.class);
      long lastSequence = last == null ? 0 : last.sequence();
      if (head != null && head.sequence() != lastSequence) {
        return Result.broken(checked, null, "the chain ends at sequence " + lastSequence + " but its head is at " + head.sequence());
      }
    }
    return new Result(true, checked, null, null);
  }

  private record Link(long sequence, String hash) {}

  /** What the entry at {@code sequence} must link to: its predecessor, the genesis, or a kept digest. */
  private Link linkBefore(String chain, long sequence) {
    if (sequence == 1) return new Link(0, ChainHash.GENESIS);
    AuditEntry previous = mongo.findOne(query(where("chain").is(chain).and("sequence").is(sequence - 1)), AuditEntry.class);
    if (previous != null) return new Link(previous.sequence(), previous.hash());
    DailyDigest sealed = mongo.findOne(query(where("chain").is(chain).and("lastSequence").is(sequence - 1)), DailyDigest.class);
    return sealed == null ? null : new Link(sealed.lastSequence(), sealed.lastHash());
  }
}
