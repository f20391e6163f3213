package dev.claraop.audit.chain;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.audit.entry.AuditEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends entries to their tenant's hash chain. Each entry takes the next sequence number and the previous
 * entry's hash. Appends to one chain are serialised by the unique (chain, sequence) index: of two writers
 * (two instances, say) taking the same position, one fails and retries on the new head. Appending is the
 * only write this service makes to entries; nothing updates or deletes one (retention removes whole days).
 */
@Component
public class AuditChain {

  private static final String PLATFORM_CHAIN = "_platform";
  private final MongoTemplate mongo;
  /** The last head this instance knows per chain; a lost race on a stale one repairs it from the database. */
  private final Map<String, ChainHead> heads = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  AuditChain(MongoTemplate mongo) {
    this.mongo = mongo;
    // Before any listener starts: this unique index is what serialises appends to one chain.
    mongo.indexOps(AuditEntry.class).createIndex(new Index().on("chain", Sort.Direction.ASC)
        .on("sequence", Sort.Direction.ASC).unique().named("chain_position"));
  }

  /** The chain an entry of this tenant belongs to; events without a tenant share the platform's chain. */
  public static String chainOf(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? PLATFORM_CHAIN : tenantId;
  }

  /**
   * @param draft the entry at a given position; called again with a later position after a lost race
   * @return false when an entry with this id exists already (a redelivered event)
   */
  public boolean append(String eventId, String tenantId, Function<Position, AuditEntry> draft) {
    String chain = chainOf(tenantId);
    // Threads of this instance take turns on a chain; only another instance can still race us.
    synchronized (locks.computeIfAbsent(chain, c -> new Object())) {
      return appendInTurn(eventId, chain, draft);
    }
  }

  private boolean appendInTurn(String eventId, String chain, Function<Position, AuditEntry> draft) {
    while (true) {
      ChainHead head = heads.computeIfAbsent(chain, this::storedHead);
      Position position = new Position(chain, head.sequence() + 1, head.hash());
      AuditEntry entry = draft.apply(position);
      if (!entry.chain().equals(chain) || entry.sequence() != position.sequence()
          || !entry.previousHash().equals(position.previousHash())) {
        throw new IllegalArgumentException("an entry must be drafted at the position it is given");
      }
      AuditEntry sealed = entry.withHash(ChainHash.of(entry));
      try {
        mongo.insert(sealed);
      } catch (DuplicateKeyException taken) {
        // Either this event was recorded before (a redelivery), or another writer took the position.
        if (mongo.exists(query(where("_id").is(eventId)), AuditEntry.class)) return false;
        heads.put(chain, repairedHead(chain));
        continue;
      }
      ChainHead advanced = new ChainHead(chain, sealed.sequence(), sealed.hash());
      heads.put(chain, advanced);
      mongo.save(advanced);
      return true;
    }
  }

  /** The position an entry is appended at: its chain, its sequence number and the hash it links to. */
  public record Position(String chain, long sequence, String previousHash) {}

  private ChainHead storedHead(String chain) {
    ChainHead head = mongo.findById(chain, ChainHead.class);
    return head != null ? head : new ChainHead(chain, 0, ChainHash.GENESIS);
  }

  /**
   * The stored head, walked forward over entries written after it: another instance appended, or a writer
   * stopped between its insert and its head update.
   */
  private ChainHead repairedHead(String chain) {
    ChainHead head = storedHead(chain);
    long sequence = head.sequence();
    String hash = head.hash();
    AuditEntry next;
    while ((next = mongo.findOne(query(where("chain").is(chain).and("sequence").is(sequence + 1)), AuditEntry.class)) != null) {
      sequence = next.sequence();
      hash = next.hash();
    }
    ChainHead repaired = new ChainHead(chain, sequence, hash);
    mongo.save(repaired);
    return repaired;
  }
}
