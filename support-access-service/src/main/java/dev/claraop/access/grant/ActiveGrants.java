package dev.claraop.access.grant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * claraop_access_grants_active{reason}: staff grants that admit reads right now, read from MongoDB at each scrape, so
 * every instance reports the same number and a grant past its expiry stops counting before the expiry job records it
 * (as {@link Grant#statusAt} decides). Reason is one of four values: no tenant, staff or ticket in a label.
 */
@Component
class ActiveGrants {

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Map<Reason, Double> lastKnown = new EnumMap<>(Reason.class);

  ActiveGrants(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
    this.mongo = mongo;
    this.clock = clock;
    for (Reason reason : Reason.values()) {
      Gauge.builder("claraop.access.grants.active", this, grants -> grants.count(reason)).tag("reason", reason.name())
          .description("Staff access grants active now, by reason").register(meters);
    }
  }

  private synchronized double count(Reason reason) {
    try {
      lastKnown.put(reason, (double) mongo.count(query(where("status").is(GrantStatus.ACTIVE).and("reason").is(reason)
          .and("expiresAt").gt(clock.instant())), Grant.class));
    } catch (RuntimeException mongoUnavailable) {
      // keep the last value read; ServiceDown and readiness speak for MongoDB
    }
    return lastKnown.getOrDefault(reason, Double.NaN);
  }
}
