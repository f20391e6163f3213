package dev.claraop.devstack.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The indexes of one collection. The stand-in asks a collection's indexes in turn and lets the first that can
 * serve a query do so; here each of them answers yes only if it is the one that leaves the fewest candidates,
 * so a query on a tenant and a batch uses the batch's index rather than the tenant's, whichever came first.
 * An index's count is taken under its own lock and no other, so two queries never wait on each other's index.
 */
final class Siblings {

  /** An index that can say how many documents it would hand back for a query. */
  interface Narrowing {
    /** How many candidates this index gives for {@code query}, counting no further than {@code atMost}; or -1. */
    long candidates(Document query, long atMost);

    String getName();
  }

  /**
   * By name. The first of a name stays: asking again for an index that exists makes the library build one more
   * that it then never fills nor uses, and that one must not speak for the collection.
   */
  private final Map<String, Narrowing> indexes = new ConcurrentSkipListMap<>();

  /** The last query decided, by identity: the collection asks each of its indexes in turn about the same query. */
  private final AtomicReference<Decision> last = new AtomicReference<>();

  private record Decision(Document query, Narrowing choice) {}

  void add(Narrowing index) {
    indexes.putIfAbsent(index.getName(), index);
  }

  void remove(Narrowing index) {
    indexes.remove(index.getName(), index);
  }

  /** Whether {@code index} is the one to serve {@code query}: the fewest candidates (on a tie, the first by name). */
  boolean chooses(Narrowing index, Document query) {
    Decision decided = last.get();
    if (decided != null && decided.query() == query) return decided.choice() == index;
    Narrowing best = choose(query);
    last.set(new Decision(query, best));
    return best == index;
  }

  private Narrowing choose(Document query) {
    Narrowing best = null;
    long fewest = Long.MAX_VALUE;
    for (Narrowing candidate : indexes.values()) {
      long count = candidate.candidates(query, fewest);
      if (count >= 0 && count < fewest) {
        best = candidate;
        fewest = count;
      }
    }
    return best;
  }
}
