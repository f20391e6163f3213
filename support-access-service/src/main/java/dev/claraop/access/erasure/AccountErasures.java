package dev.claraop.access.erasure;

import dev.claraop.access.grant.ErasedDecisions;
import dev.claraop.events.Actor;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.platform.outbox.ErasureConfirmations;
import dev.claraop.platform.outbox.ErasureParticipant;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases what this service holds of a user when retention asks (DESIGN §6.6). A tenant user appears here only as
 * the one who decided on (or revoked) a staff request, and staff as who asked; public form submissions are tied to
 * no account. The grants stay, for access transparency, with the user's id replaced ({@link ErasedDecisions}); then
 * {@code access.user-data.erased} confirms with the counts. A second request finds nothing left and confirms again
 * with zeros, or, for the very same event redelivered, not at all.
 */
@Component
class AccountErasures implements ErasureParticipant {

  private final ErasedDecisions decisions;
  private final ErasureConfirmations confirmations;

  AccountErasures(ErasedDecisions decisions, MongoTemplate mongo, Clock clock) {
    this.decisions = decisions;
    // Its answers, recorded and confirmed through the outbox under this service's name.
    this.confirmations = new ErasureConfirmations(mongo, clock, ErasureServices.ACCESS,
        Actor.system("support-access-service"));
  }

  @Override
  public String service() {
    return ErasureServices.ACCESS;
  }

  @Override
  public void erase(EventEnvelope event, ErasureRequested erasure) {
    if (ErasedDecisions.ERASED_USER.equals(erasure.userId())) {
      throw new IllegalArgumentException("erasure request names the erased-user marker");
    }
    confirmations.answer(event, erasure, decisions::erase);
  }
}
