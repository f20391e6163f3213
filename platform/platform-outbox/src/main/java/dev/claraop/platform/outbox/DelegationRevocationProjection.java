package dev.claraop.platform.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.platform.security.RevokedDelegations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
   * @param longestDelegation how long a revocation whose approval is unknown (read before this instance started
   *     and already expired, or dropped by the topic's retention) is kept after it happened
   */
  public DelegationRevocationProjection(Clock clock, Duration longestDelegation) {
    this.clock = clock;
    this.longestDelegation = longestDelegation;
  }

  @Override
  public boolean revoked(String delegationId) {
    Instant expiry = revoked.get(delegationId);
    return expiry != null && clock.instant().isBefore(expiry);
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
