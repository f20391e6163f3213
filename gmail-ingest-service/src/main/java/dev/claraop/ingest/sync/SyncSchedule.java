package dev.claraop.ingest.sync;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.ingest.mailbox.Mailboxes;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;
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
  /** Where MongoLockProvider keeps its locks (its default collection). */
  private static final String LOCKS = "shedLock";
  private final MongoTemplate mongo;
  private final Mailboxes mailboxes;
  private final MailboxSync sync;
  private final LockingTaskExecutor locks;
  private final TaskExecutor background;
  private final Clock clock;

  SyncSchedule(Mailboxes mailboxes, MailboxSync sync, MongoTemplate mongo,
      @Qualifier("applicationTaskExecutor") TaskExecutor background, Clock clock) {
    this.mongo = mongo;
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
    locks.executeWithLock((Runnable) () -> sync.sync(mailboxId), lock(mailboxId, AT_MOST));
  }

  /**
   * Runs {@code removal}, the last work on a mailbox, holding the mailbox's sync lock, so no sync can store messages
   * behind it; then drops the lock's record (a sync that starts later finds no mailbox). Empty, and nothing done,
   * while a sync holds the lock.
   */
  public <T> Optional<T> retire(String mailboxId, Supplier<T> removal) {
    LockingTaskExecutor.TaskResult<T> result;
    try {
      result = locks.executeWithLock(removal::get, lock(mailboxId, Duration.ofMinutes(5)));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      throw new IllegalStateException(impossible);
    }
    if (!result.wasExecuted()) return Optional.empty();
    mongo.remove(query(where("_id").is(lockName(mailboxId)).and("lockUntil").lte(Date.from(clock.instant()))), LOCKS);
    return Optional.ofNullable(result.getResult());
  }

  private LockConfiguration lock(String mailboxId, Duration atMost) {
    return new LockConfiguration(clock.instant(), lockName(mailboxId), atMost, Duration.ZERO);
  }

  private static String lockName(String mailboxId) {
    return "gmail_sync_" + mailboxId;
  }
}
