package dev.claraop.ingest.sync;

import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.ingest.mailbox.Mailboxes;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When mailboxes sync: every connected mailbox on a schedule, and one on request. Each run holds a ShedLock named
 * after its mailbox ({@code gmail_sync_<id>}), so across instances and between the schedule and a request a mailbox
 * is synced by one run at a time, and a run that finds the lock taken is skipped.
 */
@Component
public class SyncSchedule implements dev.claraop.ingest.mailbox.SyncRequests {

  private static final Duration AT_MOST = Duration.ofMinutes(30);
  private final Mailboxes mailboxes;
  private final MailboxSync sync;
  private final LockingTaskExecutor locks;
  private final TaskExecutor background;
  private final Clock clock;

  SyncSchedule(Mailboxes mailboxes, MailboxSync sync, MongoTemplate mongo,
      @Qualifier("applicationTaskExecutor") TaskExecutor background, Clock clock) {
    this.mailboxes = mailboxes;
    this.sync = sync;
    LockProvider provider = new MongoLockProvider(mongo.getDb());
    this.locks = new DefaultLockingTaskExecutor(provider);
    this.background = background;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${claraop.inbox.sync-interval:5m}", initialDelayString = "${claraop.inbox.sync-interval:5m}")
  void syncAll() {
    for (Mailbox mailbox : mailboxes.connected()) syncNow(mailbox.id());
  }

  /** Syncs in the background; the caller gets 202 at once. */
  @Override
  public void request(String mailboxId) {
    background.execute(() -> syncNow(mailboxId));
  }

  void syncNow(String mailboxId) {
    locks.executeWithLock((Runnable) () -> sync.sync(mailboxId),
        new LockConfiguration(clock.instant(), "gmail_sync_" + mailboxId, AT_MOST, Duration.ZERO));
  }
}
