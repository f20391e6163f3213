package dev.claraop.platform.outbox;

import dev.claraop.events.EventEnvelope;
import dev.claraop.events.erasure.ErasureRequested;

/**
 * A service's part of an account erasure (DESIGN §6.6). A service declares one as a bean and gets the rest from
 * {@link ErasureParticipationAutoConfiguration}: the listener on {@code retention.events} (group
 * {@code <service>-erasures}), its container (from the beginning on first start, offsets committed after handling, an
 * unreadable or invalid request to {@code retention.events.DLT} at once and counted in
 * {@code claraop.<service>.dead.letters}, anything else retried with back-off) and the topics.
 */
public interface ErasureParticipant {

  /** The service's name in {@link dev.claraop.events.erasure.ErasureServices}: it names the group and the counter. */
  String service();

  /**
   * A {@code retention.erasure.requested} naming this service, possibly again (retention asks until it hears back) or
   * redelivered: erasing is idempotent. An {@link IllegalArgumentException} sends the request to the DLT at once;
   * anything else is retried.
   */
  void erase(EventEnvelope request, ErasureRequested erasure);

  /** A {@code retention.erasure.confirmed}: every service has answered. Nothing to do for most services. */
  default void complete(EventEnvelope confirmation) {}
}
