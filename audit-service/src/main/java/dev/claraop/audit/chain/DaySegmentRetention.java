package dev.claraop.audit.chain;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.audit.entry.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Audit retention: removes whole UTC days of entries once they are older than the retention period, and
 * only days that are sealed. Their digests are kept, so what remains of the chain still verifies from the
 * last removed day's digest. This is the only code that deletes entries.
 */
@Component
public class DaySegmentRetention {

  /** @param keep how long entries are kept (30 days by default; tests use less) */
  @ConfigurationProperties("claraop.audit.retention")
  public record Settings(@DefaultValue("30d") Duration keep) {}

  private static final Logger log = LoggerFactory.getLogger(DaySegmentRetention.class);
  private final MongoTemplate mongo;
  private final Clock clock;
  private final Settings settings;

  DaySegmentRetention(MongoTemplate mongo, Clock clock, Settings settings) {
    this.mongo = mongo;
    this.clock = clock;
    this.settings = settings;
  }

  /** @return the number of entries removed */
  @Scheduled(cron = "${claraop.audit.retention.cron:0 30 3 * * *}", zone = "UTC")
  @SchedulerLock(name = "audit_day_segment_retention", lockAtMostFor = "PT1H")
  public long removeExpiredDays() {
    LocalDate oldestKept = LocalDate.ofInstant(clock.instant().minus(settings.keep()), ZoneOffset.UTC);
    long removed = 0;
    for (DailyDigest digest : mongo.find(query(where("day").lt(oldestKept.toString())), DailyDigest.class)) {
      LocalDate day = LocalDate.parse(digest.day());
      removed += mongo.remove(query(where("chain").is(digest.chain())
          .and("sequence").gte(digest.firstSequence()).lte(digest.lastSequence())
          .and("recordedAt").gte(day.atStartOfDay(ZoneOffset.UTC).toInstant())
          .lt(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())), AuditEntry.class).getDeletedCount();
    }
    if (removed > 0) log.info("audit retention removed {} entries of days before {}", removed, oldestKept);
    return removed;
  }
}
