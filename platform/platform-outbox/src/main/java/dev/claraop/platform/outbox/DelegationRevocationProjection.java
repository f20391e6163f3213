package dev.claraop.platform.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.platform.security.RevokedDelegations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this instance knows of revoked delegations, from {@code identity.events} (DESIGN §3, issue 3): a token
 * issued before a revocation still carries the delegation, and platform-security asks this before letting it act.
 *
 * <p>Kept in memory and per instance, rebuilt from the topic's beginning at every start (the broadcast consumer of
 * {@link DelegationRevocationAutoConfiguration}). It stays bounded: a revoked delegation is forgotten once its own
 * expiry (from {@code identity.delegation.approved}) has passed, because from then on the expiry check refuses it
 * anyway; a delegation approved and not revoked is remembered only until its expiry too. A revocation whose
 * approval this instance no longer knows is kept for the longest a delegation may last.
 *
 * <p>It fails closed until it has caught up: from the start, and again after a rebalance hands it a partition it has
 * not read, until it has read every assigned partition up to the end offset it had when assigned, every delegation
 * counts as revoked. An instance that just (re)started, or cannot reach Kafka, has not yet seen the revocations
 * published before, and would otherwise honour them. Only delegated access is refused meanwhile (403, as for a
 * revoked one); readiness deliberately does not depend on it, so a Kafka outage takes no service out of rotation.
 */
public class DelegationRevocationProjection implements RevokedDelegations {

  private static final Logger log = LoggerFactory.getLogger(DelegationRevocationProjection.class);
  private final EventCodec codec = new EventCodec();
  private final Clock clock;
  private final Duration longestDelegation;
  /** Revoked delegation id → its expiry. */
  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
  /** Approved, not (yet) revoked delegation id → its expiry, so that a later revocation knows when to drop it. */
  private final Map<String, Instant> approved = new ConcurrentHashMap<>();
  /**
   * Assigned partition → the end offset its records must reach before this instance answers; null until the
   * consumer's first assignment. Changed on the consumer's thread only, guarded by {@code this}.
   */
  private Map<TopicPartition, Long> unread;
  private volatile boolean caughtUp;
  /** Since when, and over how many records, this instance has been catching up: for the log line only. */
  private Instant catchingUpSince;
  private long recordsWhileCatchingUp;

  /**
   * @param longestDelegation how long a revocation whose approval is unknown (read before this instance started
   *     and already expired, or dropped by the topic's retention) is kept after it happened
   */
  public DelegationRevocationProjection(Clock clock, Duration longestDelegation) {
    this.clock = clock;
    this.longestDelegation = longestDelegation;
    this.catchingUpSince = clock.instant();
  }

  /** Every delegation while this instance has not caught up with the topic; afterwards the revoked ones. */
  @Override
  public boolean revoked(String delegationId) {
    if (!caughtUp) return true;
    Instant expiry = revoked.get(delegationId);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  /** Whether this instance has read every assigned partition up to its end offset at assignment (the gauge's 1). */
  public boolean caughtUp() {
    return caughtUp;
  }

  /**
   * On each (re)assignment of the consumer. A partition just assigned is unread while its position lies before its
   * end offset at that moment; the partitions no longer assigned are no longer waited for. An empty assignment
   * (the topic does not exist yet) leaves nothing to wait for.
   *
   * @param assignment every partition the consumer now reads
   * @param positions the partitions just assigned → the offset of the next record the consumer reads there
   * @param ends the partitions just assigned → their end offset now
   */
  synchronized void assigned(Collection<TopicPartition> assignment, Map<TopicPartition, Long> positions,
      Map<TopicPartition, Long> ends) {
    if (unread == null) unread = new HashMap<>();
    unread.keySet().retainAll(assignment);
    ends.forEach((partition, end) -> {
      Long position = positions.get(partition);
      if (position == null || position < end) unread.put(partition, end);
      else unread.remove(partition);
    });
    if (caughtUp && !unread.isEmpty()) {
      caughtUp = false;
      catchingUpSince = clock.instant();
      recordsWhileCatchingUp = 0;
    }
    settle();
  }

  /** Applies one record of the consumer, then counts it as read, even should applying it have failed. */
  void on(ConsumerRecord<String, String> record) {
    try {
      on(record.value());
    } finally {
      read(new TopicPartition(record.topic(), record.partition()), record.offset());
    }
  }

  private synchronized void read(TopicPartition partition, long offset) {
    if (caughtUp) return;
    recordsWhileCatchingUp++;
    Long end = unread == null ? null : unread.get(partition);
    // identity.events is written without transactions: the record before the end offset is the last one.
    if (end != null && offset + 1 >= end) unread.remove(partition);
    settle();
  }

  private void settle() {
    if (caughtUp || unread == null || !unread.isEmpty()) return;
    caughtUp = true;
    log.info("Delegation revocations caught up with identity.events ({} records read in {} ms): delegations count "
        + "again unless revoked", recordsWhileCatchingUp,
        Duration.between(catchingUpSince, clock.instant()).toMillis());
  }

  /**
   * Applies one {@code identity.events} record; other types are ignored and a redelivery changes nothing. An
   * unreadable record is skipped, not dead-lettered: every instance reads it, and the service's own consumers of
   * the topic send it to the DLT once.
   */
  void on(String json) {
    try {
      EventEnvelope event = codec.read(json);
      if (EventTypes.IDENTITY_DELEGATION_APPROVED.name().equals(event.type())) {
        var approval = codec.data(event, EventTypes.IDENTITY_DELEGATION_APPROVED);
        if (approval.delegationId() != null && approval.expiresAt() != null) {
          // Same key (the delegation id), same partition: the approval is read before its revocation.
          if (revoked.containsKey(approval.delegationId())) revoked.put(approval.delegationId(), approval.expiresAt());
          else approved.put(approval.delegationId(), approval.expiresAt());
        }
      } else if (EventTypes.IDENTITY_DELEGATION_REVOKED.name().equals(event.type())) {
        var revocation = codec.data(event, EventTypes.IDENTITY_DELEGATION_REVOKED);
        if (revocation.delegationId() != null) {
          Instant expiry = approved.remove(revocation.delegationId());
          revoked.merge(revocation.delegationId(),
              expiry != null ? expiry : event.occurredAt().plus(longestDelegation), (known, redelivered) -> known);
        }
      }
    } catch (EventCodec.UnreadableEvent | IllegalArgumentException e) {
      log.warn("identity.events record skipped for delegation revocations: {}", e.getClass().getSimpleName());
    }
    forgetExpired();
  }

  /** The revoked delegations still kept, after forgetting the expired ones: what the gauge shows. */
  int size() {
    forgetExpired();
    return revoked.size();
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    revoked.values().removeIf(expiry -> !now.isBefore(expiry));
    approved.values().removeIf(expiry -> !now.isBefore(expiry));
  }
}
