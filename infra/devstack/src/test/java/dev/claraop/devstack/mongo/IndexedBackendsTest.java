package dev.claraop.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's indexes change what a query costs, never what it answers: the same writes and queries against
 * the library's plain backend (which scans) and against both indexed backends give the same documents in the
 * same order, and unique indexes still refuse duplicates, after a restart too.
 */
class IndexedBackendsTest {

  private static final Random random = new Random(20261207);

  @Test
  void indexed_backends_answer_every_query_as_a_scan_does() throws Exception {
    Path data = Files.createTempDirectory("indexed-h2");
    MVStore store = new MVStore.Builder().fileName(data.resolve("test.mv").toString()).open();
    try (Served plain = new Served(new MemoryBackend());
         Served memory = new Served(IndexedBackends.inMemory());
         Served disk = new Served(IndexedBackends.onDisk(store))) {
      List<Served> all = List.of(plain, memory, disk);
      for (Served served : all) {
        served.things().createIndex(Indexes.ascending("ts", "seq"));
        served.things().createIndex(Indexes.ascending("agg", "seq"), new IndexOptions().unique(true));
        served.things().createIndex(Indexes.ascending("tags"));
        served.things().createIndex(Indexes.ascending("tenant", "amount"));
        served.things().createIndex(Indexes.ascending("nested.at"));
        served.things().createIndex(Indexes.ascending("tags")); // as a service does again at each start
      }
      for (int round = 0; round < 4; round++) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) batch.add(randomDocument(round * 250 + i));
        for (Served served : all) served.things().insertMany(batch.stream().map(Document::new).toList());
        Bson change = Filters.and(Filters.eq("tenant", "t" + round), Filters.lt("amount", 40));
        Bson update = Updates.combine(Updates.set("ts", "2026-12-0" + (round + 1)), Updates.inc("amount", 100));
        Bson gone = Filters.in("tags", "red", "x" + round);
        for (Served served : all) {
          served.things().updateMany(change, update);
          served.things().deleteMany(gone);
        }
        for (Function<Integer, Bson> query : queries()) {
          for (int q = 0; q < 6; q++) {
            int seed = random.nextInt(1000);
            Bson filter = query.apply(seed);
            List<Document> expected = plain.find(filter);
            assertThat(memory.find(filter)).as(filter.toString()).isEqualTo(expected);
            assertThat(disk.find(filter)).as(filter.toString()).isEqualTo(expected);
          }
        }
      }
      assertThat(memory.find(Filters.gte("ts", "2026-12-02"))).as("the range query has answers to compare").isNotEmpty();
    }
  }

  @Test
  void unique_indexes_refuse_duplicates_and_indexes_come_back_after_a_restart() throws Exception {
    Path data = Files.createTempDirectory("indexed-h2-restart");
    Path file = data.resolve("test.mv");
    try (Served disk = new Served(IndexedBackends.onDisk(new MVStore.Builder().fileName(file.toString()).open()))) {
      disk.things().createIndex(Indexes.ascending("agg", "seq"), new IndexOptions().unique(true));
      disk.things().createIndex(Indexes.ascending("ts"));
      for (int i = 0; i < 50; i++) {
        disk.things().insertOne(new Document("_id", "e" + i).append("agg", "a" + i % 5).append("seq", i / 5)
            .append("ts", "2026-12-07T10:00:" + (10 + i)));
      }
    }
    try (Served disk = new Served(IndexedBackends.onDisk(new MVStore.Builder().fileName(file.toString()).open()))) {
      assertThat(disk.ids(Filters.and(Filters.eq("agg", "a3"), Filters.gte("seq", 7))))
          .containsExactly("e38", "e43", "e48");
      assertThat(disk.ids(Filters.gt("ts", "2026-12-07T10:00:57"))).containsExactly("e48", "e49");
      assertThat(disk.ids(Filters.eq("_id", "e7"))).containsExactly("e7");
      assertThatThrownBy(() -> disk.things().insertOne(new Document("_id", "again").append("agg", "a1").append("seq", 3)))
          .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
      assertThatThrownBy(() -> disk.things().insertOne(new Document("_id", "e7")))
          .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
      disk.things().deleteOne(Filters.eq("_id", "e48"));
      disk.things().insertOne(new Document("_id", "e48b").append("agg", "a3").append("seq", 9).append("ts", "2026-12-08"));
      assertThat(disk.ids(Filters.and(Filters.eq("agg", "a3"), Filters.gte("seq", 7))))
          .containsExactly("e38", "e43", "e48b");
    }
  }

  @Test
  void both_backends_answer_hello_as_spring_boots_health_check_asks_it() throws Exception {
    Path data = Files.createTempDirectory("indexed-hello");
    try (Served memory = new Served(IndexedBackends.inMemory());
         Served disk = new Served(IndexedBackends.onDisk(
             new MVStore.Builder().fileName(data.resolve("test.mv").toString()).open()))) {
      for (Served served : List.of(memory, disk)) {
        Document hello = served.client.getDatabase("admin").runCommand(new Document("hello", 1));
        assertThat(hello.get("ok")).isIn(1, 1.0);
        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(8);
      }
    }
  }

  @Test
  void the_queries_that_scanned_are_served_by_an_index() {
    List<IndexKey> timestamp = List.of(new IndexKey("timestamp", true), new IndexKey("sequenceNumber", true));
    OrderedIndex<Object> ordered = new OrderedIndex<>("timestamp_1", timestamp, new Siblings());
    // Axon's tracking query: events at or after the token's time, less those it has seen.
    assertThat(ordered.canHandle(parse("{\"$and\": [{\"timestamp\": {\"$gte\": \"2026-12-07T10:00:00Z\"}},"
        + " {\"eventIdentifier\": {\"$nin\": [\"a\", \"b\"]}}]}"))).isTrue();
    // Loading an aggregate: its events from a sequence number on, against the unique pair.
    HeapUniqueIndex<Object> pair = new HeapUniqueIndex<>("aggregate", List.of(new IndexKey("aggregateIdentifier", true),
        new IndexKey("sequenceNumber", true)), false, new Siblings());
    assertThat(pair.canHandle(parse("{\"aggregateIdentifier\": \"batch-1\", \"sequenceNumber\": {\"$gte\": 0}}")))
        .isTrue();
    HeapUniqueIndex<Object> id = new HeapUniqueIndex<>("_id_", List.of(new IndexKey("_id", true)), false, new Siblings());
    assertThat(id.canHandle(parse("{\"_id\": {\"$in\": [\"demo/a\", \"demo/b\"]}, \"tenantId\": \"demo\"}"))).isTrue();
    // What is left to a scan: no bound on the key, or one the index cannot order by.
    assertThat(ordered.canHandle(parse("{\"$or\": [{\"timestamp\": \"x\"}, {\"other\": 1}]}"))).isFalse();
    assertThat(ordered.canHandle(parse("{\"timestamp\": {\"$gte\": null}}"))).isFalse();
    assertThat(ordered.canHandle(parse("{\"timestamp\": {\"$exists\": true}}"))).isFalse();
    assertThat(ordered.canHandle(new de.bwaldvogel.mongo.bson.Document("timestamp",
        new de.bwaldvogel.mongo.bson.BsonRegularExpression("^2026", "")))).isFalse();
    assertThat(ordered.canHandle(parse("{\"sequenceNumber\": 3}"))).isFalse();
  }

  @Test
  void the_index_that_leaves_the_fewest_candidates_serves_and_a_second_create_changes_nothing() {
    Siblings siblings = new Siblings();
    OrderedIndex<Object> tenant = new OrderedIndex<>("tenant", List.of(new IndexKey("tenantId", true)), siblings);
    OrderedIndex<Object> batch = new OrderedIndex<>("batch", List.of(new IndexKey("batchId", true)), siblings);
    for (int i = 0; i < 100; i++) {
      var line = parse("{\"_id\": \"l" + i + "\", \"tenantId\": \"demo\", \"batchId\": \"b" + i / 10 + "\"}");
      tenant.add(line, "l" + i, null);
      batch.add(line, "l" + i, null);
    }
    var query = parse("{\"tenantId\": \"demo\", \"batchId\": \"b3\"}");
    assertThat(batch.canHandle(query)).isTrue();
    assertThat(tenant.canHandle(query)).isFalse();
    assertThat(batch.getPositions(query)).hasSize(10);
    // Creating an index that exists: the library builds another, never fills it and never asks it.
    new OrderedIndex<>("batch", List.of(new IndexKey("batchId", true)), siblings);
    assertThat(batch.canHandle(query)).isTrue();
    var tenantOnly = parse("{\"tenantId\": \"demo\"}");
    assertThat(tenant.canHandle(tenantOnly)).isTrue();
    batch.drop();
    assertThat(tenant.canHandle(query)).as("once the batch index is dropped").isTrue();
  }

  private static de.bwaldvogel.mongo.bson.Document parse(String json) {
    return toServer(Document.parse(json));
  }

  @SuppressWarnings("unchecked")
  private static de.bwaldvogel.mongo.bson.Document toServer(Document document) {
    var converted = new de.bwaldvogel.mongo.bson.Document();
    document.forEach((key, value) -> converted.put(key, convert(value)));
    return converted;
  }

  private static Object convert(Object value) {
    if (value instanceof Document document) return toServer(document);
    if (value instanceof List<?> list) return list.stream().map(IndexedBackendsTest::convert).toList();
    return value;
  }

  /** Query shapes the services send, with values drawn from the data's ranges (and some outside them). */
  private static List<Function<Integer, Bson>> queries() {
    return List.of(
        seed -> Filters.eq("ts", "2026-12-0" + (seed % 6)),
        seed -> Filters.gte("ts", "2026-12-0" + (seed % 6)),
        seed -> Filters.and(Filters.gt("ts", "2026-12-0" + (seed % 5)), Filters.lte("ts", "2026-12-0" + (seed % 5 + 2)),
            Filters.nin("_id", "d" + seed, "d" + (seed + 1))),
        seed -> Filters.and(Filters.eq("agg", "a" + seed % 40), Filters.gte("seq", seed % 7)),
        seed -> Filters.in("_id", "d" + seed, "d" + (seed + 3), "missing"),
        seed -> Filters.and(Filters.in("_id", "d" + seed, "d" + (seed * 2 % 1000)), Filters.eq("tenant", "t" + seed % 4)),
        seed -> Filters.eq("tags", List.of("red", "green", "blue", "x1", "x2").get(seed % 5)),
        seed -> Filters.in("tags", "green", "x" + seed % 4),
        seed -> Filters.and(Filters.eq("tenant", "t" + seed % 4), Filters.lt("amount", seed % 150)),
        seed -> Filters.lt("amount", seed % 150),
        // Several bounds on one key in one document, as Spring's Criteria writes them; often an empty range.
        seed -> new Document("ts", new Document("$gte", "2026-12-0" + seed % 6).append("$lt", "2026-12-0" + seed % 4)),
        seed -> new Document("ts", new Document("$gt", "2026-12-0" + seed % 5).append("$gte", "2026-12-0" + seed % 3)
            .append("$lte", "2026-12-04").append("$lt", "2026-12-04")),
        seed -> Filters.eq("amount", seed % 60),
        seed -> Filters.gte("nested.at", Instant.parse("2026-12-07T00:00:00Z").plusSeconds(seed * 60L)),
        seed -> Filters.or(Filters.eq("ts", "2026-12-01"), Filters.eq("tenant", "t" + seed % 4)),
        seed -> Filters.eq("ts", null),
        seed -> Filters.eq("tags", null),
        seed -> Filters.and(Filters.eq("nested.at", null), Filters.eq("tenant", "t" + seed % 4)),
        seed -> Filters.in("ts", null, "2026-12-0" + (seed % 6)),
        seed -> Filters.exists("tags", seed % 2 == 0));
  }

  /** Mixed types on purpose: strings, integers, longs, doubles, dates, arrays, nulls and missing fields. */
  private static Document randomDocument(int n) {
    Document document = new Document("_id", "d" + n).append("agg", "a" + n % 40).append("seq", n / 40);
    switch (random.nextInt(5)) {
      case 0 -> { }
      case 1 -> document.append("ts", null);
      case 2 -> document.append("ts", random.nextInt(10));
      default -> document.append("ts", "2026-12-0" + random.nextInt(6));
    }
    document.append("tenant", "t" + random.nextInt(4));
    Object amount = switch (random.nextInt(3)) {
      case 0 -> random.nextInt(120);
      case 1 -> (long) random.nextInt(120);
      default -> random.nextInt(1200) / 10.0;
    };
    document.append("amount", amount);
    if (random.nextBoolean()) {
      List<String> tags = new ArrayList<>();
      for (String tag : List.of("red", "green", "blue", "x" + random.nextInt(4))) if (random.nextBoolean()) tags.add(tag);
      document.append("tags", tags);
    } else if (random.nextBoolean()) {
      document.append("tags", "green");
    }
    if (random.nextBoolean()) {
      document.append("nested", new Document("at", java.util.Date.from(
          Instant.parse("2026-12-07T00:00:00Z").plusSeconds(random.nextInt(1000) * 60L))));
    }
    return document;
  }

  /** One backend behind a server and a client, sorted by _id where a query gives no order. */
  private static final class Served implements AutoCloseable {
    private final MongoServer server;
    private final MongoClient client;

    Served(MongoBackend backend) {
      server = new MongoServer(backend);
      var address = server.bind();
      client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    MongoCollection<Document> things() {
      return client.getDatabase("indexed").getCollection("things");
    }

    List<Document> find(Bson filter) {
      List<Document> sorted = things().find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
      List<Document> limited = things().find(filter).sort(Sorts.orderBy(Sorts.ascending("ts"), Sorts.descending("_id")))
          .limit(7).into(new ArrayList<>());
      sorted.addAll(limited);
      return sorted;
    }

    List<Object> ids(Bson filter) {
      return things().find(filter).sort(Sorts.ascending("_id")).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    @Override
    public void close() {
      client.close();
      server.shutdown();
    }
  }
}
