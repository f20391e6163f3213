package dev.claraop.audit.chain;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.audit.entry.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import dev.claraop.platform.web.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Audit retention: removes whole UTC days of entries once they are older than the retention period, and
 * only days that are sealed. Their digests are kept, so what remains of the chain still verifies from the
 * last removed day's digest. This is the only code that deletes entries.
 *
 * <p>retention-service drives it, daily, as it drives every other purge (DESIGN §6.6; {@link SegmentExpiryController}).
 * The period here is a floor, not the schedule: whoever asks, no day younger than {@code keep} is removed.
 */
@Component
public class DaySegmentRetention {

  /**
   * @param keep how long entries are kept at least (30 days by default; tests use less)
   * @param client the Keycloak client id of retention-service, the one caller of the removal
   * @param role the realm role its service account carries for it
   */
  @ConfigurationProperties("claraop.audit.retention")
  public record Settings(
      @DefaultValue("30d") Duration keep,
      @DefaultValue("retention-service") String client,
      @DefaultValue("SERVICE_RETENTION") String role) {}

  /** What one removal did: the days before {@code before} that were sealed, and their entries. */
  public record Removal(LocalDate before, int daysRemoved, long entriesRemoved) {}

  private static final Logger log = LoggerFactory.getLogger(DaySegmentRetention.class);
  private final MongoTemplate mongo;
  private final Clock clock;
  private final Settings settings;

  DaySegmentRetention(MongoTemplate mongo, Clock clock, Settings settings) {
    this.mongo = mongo;
    this.clock = clock;
    this.settings = settings;
  }

  /** The first UTC day that must be kept today. */
  public LocalDate oldestKept() {
    return LocalDate.ofInstant(clock.instant().minus(settings.keep()), ZoneOffset.UTC);
  }

  /** Removes every sealed day before {@code before}; a {@code before} later than {@link #oldestKept()} is refused. */
  public Removal removeDaysBefore(LocalDate before) {
    LocalDate oldestKept = oldestKept();
    if (before.isAfter(oldestKept)) {
      throw new Conflict("audit entries are kept " + settings.keep().toDays() + " days: days from " + oldestKept
          + " on cannot be removed yet");
    }
    long removed = 0;
    int days = 0;
    for (DailyDigest digest : mongo.find(query(where("day").lt(before.toString())), DailyDigest.class)) {
      LocalDate day = LocalDate.parse(digest.day());
      long entries = mongo.remove(query(where("chain").is(digest.chain())
          .and("sequence").gte(digest.firstSequence()).lte(digest.lastSequence())
          .and("recordedAt").gte(day.atStartOfDay(ZoneOffset.UTC).toInstant())
          .lt(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())), AuditEntry.class).getDeletedCount();
      if (entries > 0) days++;
      removed += entries;
    }
    if (removed > 0) log.info("audit retention removed {} entries of {} chain-days before {}", removed, days, before);
    return new Removal(before, days, removed);
  }

  /** @return the number of entries removed from the days that have expired today */
  public long removeExpiredDays() {
    return removeDaysBefore(oldestKept()).entriesRemoved();
  }
}
