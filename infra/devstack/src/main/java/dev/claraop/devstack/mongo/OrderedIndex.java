package dev.claraop.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A secondary index for the stand-in, which otherwise ignores every index but {@code _id} and unique ones and
 * so reads the whole collection for every other query (the event store's tracking query, an aggregate's
 * events, every tenant-filtered read). Held in the heap and rebuilt when the collection opens.
 *
 * <p>It orders documents by the index's first key only, and serves a query that bounds that key: equality,
 * {@code $eq}, {@code $in}, {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, at the top level or in a
 * top-level {@code $and}; equality to null finds the documents where the key is null or missing, as MongoDB
 * matches them. It answers a superset: the collection matches every candidate against the whole
 * query, then sorts and limits, so a candidate too many costs time but never changes an answer. Anything
 * else (null in a range, regular expressions, whole arrays or sub-documents as values, {@code $or}, {@code $not})
 * is left to a scan.
 */
final class OrderedIndex<P> extends Index<P> implements Siblings.Narrowing {

  private static final Set<String> EXACT = Set.of("$eq", "$in");
  private static final Set<String> RANGE = Set.of("$gt", "$gte", "$lt", "$lte");
  /** Stands for null and missing, which MongoDB's {@code {key: null}} matches alike. */
  private static final Object NULL = new Object();

  private final String field;
  private static final ValueComparator ORDER = ValueComparator.asc();

  private final NavigableMap<Object, Set<P>> byValue = new TreeMap<>(ORDER);
  private final Set<P> nulls = new LinkedHashSet<>();
  /** Every indexed document's position by its {@code _id}, also those without a value for the key. */
  private final Map<Object, P> byId = new HashMap<>();

  private final Siblings siblings;

  /** An index of its own, which serves a query when it narrows it most among {@code siblings}. */
  OrderedIndex(String name, List<IndexKey> keys, Siblings siblings) {
    super(name, keys, false);
    this.field = keys.getFirst().getKey();
    this.siblings = siblings;
    siblings.add(this);
  }

  /** The ordering part of a {@link HeapUniqueIndex}, which speaks for it among its siblings. */
  OrderedIndex(String name, List<IndexKey> keys) {
    super(name, keys, false);
    this.field = keys.getFirst().getKey();
    this.siblings = null;
  }

  @Override
  public synchronized P getPosition(Document document) {
    return byId.get(idOf(document));
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public synchronized void add(Document document, P position, MongoCollection<P> collection) {
    byId.put(idOf(document), position);
    addAt(document, position);
  }

  @Override
  public synchronized P remove(Document document) {
    P position = byId.remove(idOf(document));
    if (position != null) removeAt(document, position);
    return position;
  }

  /** Orders a document whose position its owner tracks ({@link HeapUniqueIndex}, for collections keyed otherwise). */
  synchronized void addAt(Document document, P position) {
    for (Object value : valuesOf(document)) {
      if (value == NULL) nulls.add(position);
      else byValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
    }
  }

  synchronized void removeAt(Document document, P position) {
    for (Object value : valuesOf(document)) {
      if (value == NULL) {
        nulls.remove(position);
        continue;
      }
      Set<P> bucket = byValue.get(value);
      if (bucket == null) continue;
      bucket.remove(position);
      if (bucket.isEmpty()) byValue.remove(value);
    }
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public synchronized void updateInPlace(
      Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
    remove(oldDocument);
    add(newDocument, position, collection);
  }

  @Override
  public boolean canHandle(Document query) {
    // Not synchronized: the siblings take their own locks one at a time.
    return siblings == null ? bound(query) != null : bound(query) != null && siblings.chooses(this, query);
  }

  @Override
  public synchronized long candidates(Document query, long atMost) {
    Document bound = bound(query);
    if (bound == null) return -1;
    long count = 0;
    for (Set<P> bucket : buckets(bound)) {
      count += bucket.size();
      if (count >= atMost) break;
    }
    return count;
  }

  @Override
  public synchronized Iterable<P> getPositions(Document query) {
    Document bound = bound(query);
    if (bound == null) throw new IllegalArgumentException("not a query this index serves: " + query);
    Set<P> positions = new LinkedHashSet<>();
    buckets(bound).forEach(positions::addAll);
    return positions;
  }

  private Collection<Set<P>> buckets(Document bound) {
    if (bound.containsKey("$eq") || bound.containsKey("$in")) {
      Collection<?> values = bound.containsKey("$in")
          ? (Collection<?>) bound.get("$in") : Collections.singletonList(bound.get("$eq")); // null allowed
      List<Set<P>> buckets = new ArrayList<>();
      for (Object value : values) {
        Set<P> bucket = value == null ? nulls : byValue.get(normalized(value));
        if (bucket != null) buckets.add(bucket);
      }
      return buckets;
    }
    // The narrowest of the bounds given; an empty range (from above to) holds nothing, it is no error.
    Object from = null;
    boolean fromIncluded = true;
    for (String operator : List.of("$gt", "$gte")) {
      if (!bound.containsKey(operator)) continue;
      Object value = normalized(bound.get(operator));
      int order = from == null ? 1 : ORDER.compare(value, from);
      if (order > 0 || (order == 0 && operator.equals("$gt"))) {
        from = value;
        fromIncluded = operator.equals("$gte");
      }
    }
    Object to = null;
    boolean toIncluded = true;
    for (String operator : List.of("$lt", "$lte")) {
      if (!bound.containsKey(operator)) continue;
      Object value = normalized(bound.get(operator));
      int order = to == null ? -1 : ORDER.compare(value, to);
      if (order < 0 || (order == 0 && operator.equals("$lt"))) {
        to = value;
        toIncluded = operator.equals("$lte");
      }
    }
    if (from != null && to != null) {
      int order = ORDER.compare(from, to);
      if (order > 0 || (order == 0 && !(fromIncluded && toIncluded))) return List.of();
      return byValue.subMap(from, fromIncluded, to, toIncluded).values();
    }
    if (from != null) return byValue.tailMap(from, fromIncluded).values();
    return byValue.headMap(to, toIncluded).values();
  }

  @Override
  public synchronized long getCount() {
    return byId.size();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public void drop() {
    if (siblings != null) siblings.remove(this);
  }

  /**
   * The operators on the indexed key this index can narrow by, as one document ({@code $eq}/{@code $in}, or
   * any of the range operators), or null when the query does not bound the key in a way served here.
   */
  private Document bound(Document query) {
    Document found = query.containsKey(field) ? boundIn(query.get(field)) : null;
    if (found != null) return found;
    if (query.get("$and") instanceof Collection<?> conjuncts) {
      for (Object conjunct : conjuncts) {
        if (!(conjunct instanceof Document part) || !part.containsKey(field)) continue;
        if ((found = boundIn(part.get(field))) != null) return found;
      }
    }
    return null;
  }

  /** A null among exact values asks for the documents whose key is null or missing. */
  private static Document boundIn(Object condition) {
    if (condition instanceof Missing) return null;
    if (!(condition instanceof Document operators)) {
      return condition == null || scalar(condition) ? new Document("$eq", condition) : null;
    }
    if (operators.keySet().stream().noneMatch(key -> key.startsWith("$"))) return null; // a whole sub-document
    Document exact = new Document();
    for (String operator : EXACT) {
      if (!operators.containsKey(operator)) continue;
      Object value = operators.get(operator);
      boolean servable = operator.equals("$in")
          ? value instanceof Collection<?> values && values.stream().allMatch(v -> v == null || scalar(v))
          : value == null || scalar(value);
      if (servable) {
        exact.put(operator, value);
        return exact; // one exact bound is enough, and the narrowest
      }
    }
    Document range = new Document();
    for (String operator : RANGE) {
      Object bound = operators.get(operator);
      if (operators.containsKey(operator) && scalar(bound)) range.put(operator, bound);
    }
    return range.isEmpty() ? null : range;
  }

  /** A value whose matches are exactly the documents holding it (or an array element equal to it). */
  private static boolean scalar(Object value) {
    return value != null && !(value instanceof Missing) && !(value instanceof Document)
        && !(value instanceof Collection<?>) && !(value instanceof Map<?, ?>)
        && !BsonRegularExpression.isRegularExpression(value);
  }

  private static Object normalized(Object value) {
    return new KeyValue(value).normalized().get(0);
  }

  private static Object idOf(Document document) {
    Object id = document.get("_id");
    if (id == null) throw new IllegalStateException("a secondary index needs documents with an _id");
    return normalized(id);
  }

  /** The first key's values: one, or each element of an array (as MongoDB indexes arrays); {@link #NULL} for none. */
  private List<Object> valuesOf(Document document) {
    List<Object> values = new ArrayList<>();
    for (KeyValue key : getKeyValues(document)) {
      Object value = key.get(0) == null || key.get(0) instanceof Missing ? NULL : key.get(0);
      if (!values.contains(value)) values.add(value);
    }
    return values;
  }
}
