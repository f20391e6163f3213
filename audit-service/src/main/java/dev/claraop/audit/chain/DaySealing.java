package dev.claraop.audit.chain;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.audit.entry.AuditEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals each completed UTC day of each chain with a signed digest that links to the chain's previous
 * digest. A day whose entries do not verify is not sealed (a seal would bless the tampering): it is
 * logged and counted, and stays unsealed until someone looks.
 */
@Component
public class DaySealing {

  private static final Logger log = LoggerFactory.getLogger(DaySealing.class);
  private final MongoTemplate mongo;
  private final DigestSigner signer;
  private final Clock clock;
  private final Counter brokenDays;

  DaySealing(MongoTemplate mongo, DigestSigner signer, Clock clock, MeterRegistry meters) {
    this.mongo = mongo;
    this.signer = signer;
    this.clock = clock;
    this.brokenDays = Counter.builder("claraop.audit.chain.broken.days")
        .description("Days that could not be sealed because their entries do not verify").register(meters);
  }

  @Scheduled(cron = "${claraop.audit.digests.seal-cron:0 5 0 * * *}", zone = "UTC")
  @SchedulerLock(name = "audit_seal_days", lockAtMostFor = "PT30M")
  public void sealCompletedDays() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    for (ChainHead head : mongo.findAll(ChainHead.class)) sealChain(head.chain(), today);
  }

  private void sealChain(String chain, LocalDate today) {
    DailyDigest previous = mongo.findOne(query(where("chain").is(chain)).with(Sort.by(Sort.Direction.DESC, "day")).limit(1),
        DailyDigest.class);
    AuditEntry firstUnsealed = mongo.findOne(query(where("chain").is(chain)
        .and("sequence").gt(previous == null ? 0 : previous.lastSequence())).with(Sort.by("sequence")).limit(1), AuditEntry.class);
    if (firstUnsealed == null) return;
    for (LocalDate day = LocalDate.ofInstant(firstUnsealed.recordedAt(), ZoneOffset.UTC); day.isBefore(today); day = day.plusDays(1)) {
      List<AuditEntry> entries = mongo.find(query(where("chain").is(chain)
          .and("recordedAt").gte(day.atStartOfDay(ZoneOffset.UTC).toInstant())
          .lt(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())).with(Sort.by("sequence")), AuditEntry.class);
      if (entries.isEmpty()) continue;
      DailyDigest sealed = seal(chain, day, entries, previous);
      if (sealed == null) return;
      previous = sealed;
    }
  }

  private DailyDigest seal(String chain, LocalDate day, List<AuditEntry> entries, DailyDigest previous) {
    long expectedSequence = previous == null ? 1 : previous.lastSequence() + 1;
    String expectedPrevious = previous == null ? ChainHash.GENESIS : previous.lastHash();
    for (AuditEntry entry : entries) {
      String broken = ChainHash.linkBreak(entry, expectedSequence, expectedPrevious);
      if (broken != null) {
        brokenDays.increment();
        log.error("audit chain {} does not verify on {} at sequence {} ({}): day left unsealed", chain, day,
            entry.sequence(), broken);
        return null;
      }
      expectedSequence++;
      expectedPrevious = entry.hash();
    }
    AuditEntry last = entries.getLast();
    DailyDigest unsigned = new DailyDigest(DailyDigest.idOf(chain, day.toString()), chain, last.tenantId(), day.toString(),
        entries.getFirst().sequence(), last.sequence(), entries.size(), last.hash(),
        previous == null ? ChainHash.GENESIS : previous.hash(), null, signer.keyId(), null);
    String hash = ChainHash.sha256(unsigned.canonical());
    DailyDigest digest = new DailyDigest(unsigned.id(), chain, unsigned.tenantId(), unsigned.day(), unsigned.firstSequence(),
        unsigned.lastSequence(), unsigned.entries(), unsigned.lastHash(), unsigned.previousDigestHash(), hash,
        signer.keyId(), signer.sign(hash));
    mongo.save(digest);
    return digest;
  }
}
