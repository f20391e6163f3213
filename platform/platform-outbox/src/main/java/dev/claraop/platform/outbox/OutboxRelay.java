package dev.claraop.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.platform.web.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes what waits in the outboxes, in order per document, and removes each record only after Kafka has
 * acknowledged it. A crash between the two publishes the record again with the same event id, which consumers
 * (idempotent by event id) see once. Several instances may relay at once for the same reason.
 */
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final List<String> collections;
  private final Counter published;

  OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxSettings settings, MeterRegistry meters) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.collections = settings.collections();
    this.published = Counter.builder(settings.publishedCounter())
        .description("Outbox records published to Kafka and acknowledged").register(meters);
    // Each record's event id, indexed (one entry per waiting record): a round finds the documents with something
    // to publish through it, not by reading every invoice every 200 ms, which grew with the collection.
    collections.forEach(collection -> mongo.indexOps(collection)
        .createIndex(new Index().on(WAITING, Sort.Direction.ASC).named("outbox_waiting")));
  }

  private static final String WAITING = EventOutbox.FIELD + ".eventId";

  @Scheduled(fixedDelayString = "${claraop.outbox.poll-interval:200ms}")
  public void relay() {
    for (String collection : collections) {
      // "Has a record": every record has a string event id, and MongoDB (and the stand-in) serve this range from the
      // index, where $exists would read the whole collection.
      for (Document pending : mongo.find(query(where(WAITING).gt("")), Document.class, collection)) {
        relay(collection, pending);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void relay(String collection, Document pending) {
    for (Document record : (List<Document>) pending.get(EventOutbox.FIELD)) {
      try {
        // In the trace of the request that wrote it, so the record's traceparent header names that trace.
        TraceParent.continuing(record.getString("traceparent"), "outbox publish", () ->
            kafka.send(record.getString("topic"), record.getString("key"), record.getString("json")).get(10, TimeUnit.SECONDS));
      } catch (Exception e) {
        // Left in the outbox; the next round tries again, and later records of this document wait behind it.
        log.warn("outbox record {} not published yet: {}", record.getString("eventId"), e.getClass().getSimpleName());
        if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        return;
      }
      mongo.updateFirst(query(where("_id").is(pending.get("_id"))),
          new Update().pull(EventOutbox.FIELD, new Document("eventId", record.getString("eventId"))), collection);
      published.increment();
    }
  }
}
