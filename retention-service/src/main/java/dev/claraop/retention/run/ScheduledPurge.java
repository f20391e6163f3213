package dev.claraop.retention.run;

import dev.claraop.events.Actor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily job {@code payout_retention_purge}: 03:00 UTC whatever the host's zone (seed 000), once across instances.
 * lockAtLeastFor keeps the lock for a while after a quick run, so an instance whose clock is a little behind does not
 * start a second run the same night; lockAtMostFor only frees the lock of an instance that died mid-run.
 */
@Component
public class ScheduledPurge {

  static final String JOB = "payout_retention_purge";
  private final PurgeDueBatches purge;

  ScheduledPurge(PurgeDueBatches purge) {
    this.purge = purge;
  }

  @Scheduled(cron = "${claraop.retention.payout-purge-cron:0 0 3 * * *}", zone = "UTC")
  @SchedulerLock(name = JOB, lockAtMostFor = "${claraop.retention.payout-purge-lock-at-most:PT2H}",
      lockAtLeastFor = "${claraop.retention.payout-purge-lock-at-least:PT5M}")
  public void runDaily() {
    purge.run(RetentionRun.Trigger.SCHEDULED, RunScope.ALL, Actor.system("retention-service"));
  }
}
