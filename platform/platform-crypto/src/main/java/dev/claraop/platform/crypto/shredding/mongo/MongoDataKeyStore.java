package dev.claraop.platform.crypto.shredding.mongo;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import dev.claraop.platform.crypto.keyring.Ciphertext;
import dev.claraop.platform.crypto.keyring.KeyRef;
import dev.claraop.platform.crypto.shredding.DataKeyStore;
import dev.claraop.platform.crypto.shredding.StoredDataKey;
import dev.claraop.platform.crypto.shredding.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Data keys in MongoDB, collection {@code data_keys}, one document per subject with {@code _id} = subject:
 *
 * <pre>{@code
 * { _id: "payout-profile:42", state: "wrapped", dataKeyVersion: 1, masterKeyId: "main", masterKeyVersion: 2,
 *   wrapped: "main:2:<check>:<token>", createdAt: ISODate }
 * { _id: "payout-profile:43", state: "shredded", shreddedAt: ISODate }
 * }</pre>
 *
 * Uniqueness comes from {@code _id} alone and every write is a single-document conditional update: no
 * transactions, secondary unique indexes or TTL, which mongo-java-server lacks. The master key is kept beside
 * the wrapped text so that a rotation can select and count by it. Dates are BSON dates, never strings.
 *
 * <p>Keep this collection out of the database that holds the protected data, or at least out of its backups'
 * retention: a restored copy of a shredded key would undo the shredding until its master key is retired.
 */
public final class MongoDataKeyStore implements DataKeyStore {

  public static final String COLLECTION = "data_keys";
  private static final String WRAPPED = "wrapped";
  private static final String SHREDDED = "shredded";
  // Subjects per $in query. Far below MongoDB's 16 MB command limit, and small enough for mongo-java-server, which
  // matches each document it finds against the $in list one by one, so a query costs its length squared: a
  // 10,000-id list made openAll quadratic there (3.3 s against 0.24 s for ten 1,000-id queries,
  // BankSnapshotSealingBenchmark), and 1,000-id queries still took 35 ms each in a 10,000-line generation.
  private static final int FIND_ALL_CHUNK = 250;
  /** Keys per bulk insert: no $in there, so only the message size bounds it. */
  private static final int INSERT_ALL_CHUNK = 1_000;

  private final MongoTemplate mongo;

  public MongoDataKeyStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public StoredDataKey insertIfAbsent(StoredDataKey.Wrapped key) {
    try {
      mongo.insert(document(key), COLLECTION);
      return key;
    } catch (DuplicateKeyException alreadyThere) {
      return find(key.subject()).orElseThrow(() -> alreadyThere);
    }
  }

  /**
   * Unordered inserts of up to {@value #INSERT_ALL_CHUNK} keys per round trip; a key another writer stored first
   * fails alone on its {@code _id} and that writer's record is read back, as {@link #insertIfAbsent} does.
   */
  @Override
  public Map<Subject, StoredDataKey> insertAllIfAbsent(Collection<StoredDataKey.Wrapped> keys) {
    Map<Subject, StoredDataKey> stored = new LinkedHashMap<>();
    List<StoredDataKey.Wrapped> all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += INSERT_ALL_CHUNK) {
      List<StoredDataKey.Wrapped> chunk = all.subList(from, Math.min(all.size(), from + INSERT_ALL_CHUNK));
      List<Subject> raced = new ArrayList<>();
      try {
        mongo.getCollection(COLLECTION).insertMany(chunk.stream().map(MongoDataKeyStore::document).toList(),
            new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException partly) {
        for (var error : partly.getWriteErrors()) {
          if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw partly;
          raced.add(chunk.get(error.getIndex()).subject());
        }
      }
      chunk.forEach(key -> stored.put(key.subject(), key));
      if (!raced.isEmpty()) {
        Map<Subject, StoredDataKey> theirs = findAll(raced);
        for (Subject subject : raced) {
          StoredDataKey record = theirs.get(subject);
          if (record == null) throw new IllegalStateException("data key of " + subject + " refused but not stored");
          stored.put(subject, record);
        }
      }
    }
    return stored;
  }

  private static Document document(StoredDataKey.Wrapped key) {
    return new Document("_id", key.subject().value())
        .append("state", WRAPPED)
        .append("dataKeyVersion", key.version())
        .append("masterKeyId", key.wrapped().key().id())
        .append("masterKeyVersion", key.wrapped().key().version())
        .append("wrapped", key.wrapped().text())
        .append("createdAt", Date.from(key.createdAt()));
  }

  @Override
  public Optional<StoredDataKey> find(Subject subject) {
    return Optional.ofNullable(mongo.findById(subject.value(), Document.class, COLLECTION))
        .map(document -> read(subject, document));
  }

  /** One {@code _id $in} query per {@value #FIND_ALL_CHUNK} subjects, instead of one per subject. */
  @Override
  public Map<Subject, StoredDataKey> findAll(Collection<Subject> subjects) {
    List<String> ids = subjects.stream().map(Subject::value).distinct().toList();
    Map<Subject, StoredDataKey> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += FIND_ALL_CHUNK) {
      List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + FIND_ALL_CHUNK)));
      for (Document document : mongo.find(query(where("_id").in(chunk)), Document.class, COLLECTION)) {
        Subject subject = new Subject(document.getString("_id"));
        found.put(subject, read(subject, document));
      }
    }
    return found;
  }

  private static StoredDataKey read(Subject subject, Document document) {
    if (SHREDDED.equals(document.getString("state"))) {
      return new StoredDataKey.Tombstone(subject, document.getDate("shreddedAt").toInstant());
    }
    return new StoredDataKey.Wrapped(subject, document.getInteger("dataKeyVersion"),
        Ciphertext.parse(document.getString("wrapped")), document.getDate("createdAt").toInstant());
  }

  @Override
  public boolean replaceWrapped(Subject subject, Ciphertext expected, Ciphertext replacement) {
    var result = mongo.updateFirst(
        query(where("_id").is(subject.value()).and("state").is(WRAPPED).and("wrapped").is(expected.text())),
        new Update().set("wrapped", replacement.text())
            .set("masterKeyId", replacement.key().id())
            .set("masterKeyVersion", replacement.key().version()),
        COLLECTION);
    return result.getMatchedCount() == 1;
  }

  @Override
  public boolean shred(Subject subject, Instant at) {
    // Either the live key turns into a tombstone, or a tombstone is inserted; a key created between the two
    // steps makes the insert collide, and the loop shreds that key too.
    while (true) {
      var result = mongo.updateFirst(query(where("_id").is(subject.value()).and("state").is(WRAPPED)),
          new Update().set("state", SHREDDED).set("shreddedAt", Date.from(at))
              .unset("wrapped").unset("masterKeyId").unset("masterKeyVersion").unset("dataKeyVersion"),
          COLLECTION);
      if (result.getMatchedCount() == 1) return true;
      try {
        mongo.insert(new Document("_id", subject.value()).append("state", SHREDDED)
            .append("shreddedAt", Date.from(at)), COLLECTION);
        return false;
      } catch (DuplicateKeyException exists) {
        if (find(subject).orElseThrow() instanceof StoredDataKey.Tombstone) return false;
      }
    }
  }

  @Override
  public List<StoredDataKey.Wrapped> wrappedUnderOtherThan(KeyRef newest, int limit) {
    var notNewest = new Criteria().orOperator(
        where("masterKeyId").ne(newest.id()), where("masterKeyVersion").ne(newest.version()));
    return mongo.find(query(where("state").is(WRAPPED).andOperator(notNewest)).limit(limit), Document.class, COLLECTION)
        .stream()
        .map(document -> (StoredDataKey.Wrapped) read(new Subject(document.getString("_id")), document))
        .toList();
  }

  @Override
  public Map<KeyRef, Long> countByMasterKey() {
    var counting = newAggregation(
        match(where("state").is(WRAPPED)),
        group("masterKeyId", "masterKeyVersion").count().as("count"));
    Map<KeyRef, Long> counts = new HashMap<>();
    for (Document row : mongo.aggregate(counting, COLLECTION, Document.class)) {
      Document key = row.get("_id", Document.class);
      counts.put(new KeyRef(key.getString("masterKeyId"), key.getInteger("masterKeyVersion")),
          ((Number) row.get("count")).longValue());
    }
    return counts;
  }
}
