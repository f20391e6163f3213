package dev.claraop.retention.run;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The purge's meters, all registered at start-up (at 0), so alerts see the first increment. The last-success gauge
 * is read from MongoDB, so every instance reports the same time whichever one ran the job; before any success it
 * reports when the purge was first watched, so a purge that never succeeds still raises PayoutPurgeNotSucceeded.
 */
@Component
class PurgeMetrics {

  private static final String WATCH = "retention_watch";
  private static final String JOB = "payout_retention_purge";
  private final Counter succeededRuns;
  private final Counter failedRuns;
  private final Counter purged;
  private final Counter failures;
  private final RetentionRuns runs;
  private final MongoTemplate mongo;
  private final AtomicReference<Instant> lastKnown = new AtomicReference<>();

  PurgeMetrics(MeterRegistry meters, RetentionRuns runs, MongoTemplate mongo, Clock clock) {
    this.runs = runs;
    this.mongo = mongo;
    this.succeededRuns = runCounter(meters, "succeeded");
    this.failedRuns = runCounter(meters, "failed");
    this.purged = Counter.builder("claraop.retention.batches.purged")
        .description("Payout batches whose bank details payout-service purged at retention's request").register(meters);
    this.failures = Counter.builder("claraop.retention.purge.failures")
        .description("Purge attempts of a due batch that failed (the batch stays due)").register(meters);
    mongo.upsert(query(where("_id").is(JOB)), new Update().setOnInsert("since", clock.instant()), WATCH);
    Gauge.builder("claraop.retention.purge.last.success.timestamp", this, PurgeMetrics::lastSuccessSeconds)
        .baseUnit("seconds")
        .description("When a platform-wide purge run last finished without failures (before the first: since when the purge is watched)")
        .register(meters);
  }

  private static Counter runCounter(MeterRegistry meters, String outcome) {
    return Counter.builder("claraop.retention.purge.runs").tag("outcome", outcome)
        .description("Payout purge runs, by outcome (failed: at least one due batch was not purged)").register(meters);
  }

  void ran(RetentionRun run) {
    (run.succeeded() ? succeededRuns : failedRuns).increment();
    run.batches().forEach(b -> (b.purged() ? purged : failures).increment());
  }

  private double lastSuccessSeconds() {
    try {
      Instant at = runs.lastSucceededForAll().orElseGet(() -> {
        Document watch = mongo.findById(JOB, Document.class, WATCH);
        return watch == null ? null : watch.getDate("since").toInstant();
      });
      if (at != null) lastKnown.set(at);
    } catch (RuntimeException mongoUnavailable) {
      // keep reporting the last value read; ServiceDown and readiness speak for MongoDB
    }
    Instant at = lastKnown.get();
    return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
  }
}
