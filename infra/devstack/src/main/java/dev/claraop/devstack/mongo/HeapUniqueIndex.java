package dev.claraop.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index (including {@code _id}) that also serves range and prefix queries: the stand-in's own
 * unique index answers only a query on exactly its keys, by equality, so loading an aggregate
 * ({@code aggregateIdentifier = x and sequenceNumber >= n} against the unique pair) or a page after a cursor
 * read the whole collection. Held in the heap like {@link OrderedIndex} and rebuilt when the collection opens.
 */
final class HeapUniqueIndex<P> extends AbstractUniqueIndex<P> implements Siblings.Narrowing {

  private final Map<KeyValue, P> positions = new ConcurrentHashMap<>();
  private final OrderedIndex<P> ranges;
  private final Siblings siblings;

  HeapUniqueIndex(String name, List<IndexKey> keys, boolean sparse, Siblings siblings) {
    super(name, keys, sparse);
    this.ranges = new OrderedIndex<>(name, keys);
    this.siblings = siblings;
    siblings.add(this);
  }

  @Override
  public synchronized void add(Document document, P position, MongoCollection<P> collection) {
    super.add(document, position, collection);
    ranges.addAt(document, position);
  }

  @Override
  public synchronized P remove(Document document) {
    P position = super.remove(document);
    if (position != null) ranges.removeAt(document, position);
    return position;
  }

  @Override
  public boolean canHandle(Document query) {
    // Not synchronized: the siblings take their own locks one at a time.
    return (super.canHandle(query) || ranges.canHandle(query)) && siblings.chooses(this, query);
  }

  /** One per key asked for when the query names every key exactly; else as many as the ordering finds. */
  @Override
  public long candidates(Document query, long atMost) {
    if (super.canHandle(query)) {
      for (Object value : query.values()) {
        if (value instanceof Document operators && operators.get("$in") instanceof Collection<?> values) {
          return values.size();
        }
      }
      return 1;
    }
    return ranges.candidates(query, atMost);
  }

  @Override
  public void drop() {
    siblings.remove(this);
  }

  @Override
  public synchronized Iterable<P> getPositions(Document query) {
    return super.canHandle(query) ? super.getPositions(query) : ranges.getPositions(query);
  }

  @Override
  protected P removeDocument(KeyValue keyValue) {
    return positions.remove(keyValue);
  }

  @Override
  protected boolean putKeyPosition(KeyValue keyValue, P position) {
    return positions.putIfAbsent(keyValue, position) == null;
  }

  @Override
  protected Iterable<Entry<KeyValue, P>> getIterable() {
    return positions.entrySet();
  }

  @Override
  protected P getPosition(KeyValue keyValue) {
    return positions.get(keyValue);
  }

  @Override
  public long getCount() {
    return positions.size();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
