package dev.claraop.payout.purge;

import dev.claraop.payout.batch.BatchCommands.PurgeBatch;
import dev.claraop.payout.profile.BankSnapshots;
import dev.claraop.platform.web.CorrelationIdFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Crypto-shreds a closed batch's bank snapshot for retention-service. The batch decides (closed, and
 * {@code closedAt + purge-after} passed, else 409) and records {@code BatchPurged}; then its data key is shredded,
 * which makes every copy of the snapshot (event store, replays, backups of the data) read SHREDDED. The key is
 * shredded on every call, also a repeated one, so a call that died between the two steps is completed by the next.
 */
@Component
class BatchPurge {

  private final CommandGateway commands;
  private final BankSnapshots snapshots;
  private final PurgeSettings settings;
  private final Clock clock;
  private final Counter purged;

  BatchPurge(CommandGateway commands, BankSnapshots snapshots, PurgeSettings settings, Clock clock, MeterRegistry meters) {
    this.commands = commands;
    this.snapshots = snapshots;
    this.settings = settings;
    this.clock = clock;
    this.purged = Counter.builder("claraop.payout.batches.purged")
        .description("Payout batches whose bank details were crypto-shredded").register(meters);
  }

  /** @return whether this call purged the batch (false: it already was; nothing changed) */
  boolean purge(String batchId, String client) {
    Boolean now = commands.sendAndWait(new PurgeBatch(batchId, client, clock.instant().truncatedTo(ChronoUnit.MILLIS),
        settings.purgeAfter()), MetaData.with("requestId", String.valueOf(CorrelationIdFilter.current())));
    snapshots.shred(batchId);
    if (Boolean.TRUE.equals(now)) purged.increment();
    return Boolean.TRUE.equals(now);
  }
}
