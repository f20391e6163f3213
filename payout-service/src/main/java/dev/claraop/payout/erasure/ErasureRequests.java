package dev.claraop.payout.erasure;

import dev.claraop.events.EventEnvelope;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.platform.outbox.ErasureParticipant;
import org.springframework.stereotype.Component;

/**
 * payout's part in account erasures (DESIGN §6.6): platform-outbox hands it each {@code retention.erasure.requested}
 * naming payout. A request arriving late (payout was down) or again (retention asks until it hears back, or a
 * redelivery) is erased the same way: erasing is idempotent.
 */
@Component
class ErasureRequests implements ErasureParticipant {

  private final UserDataErasure erasure;

  ErasureRequests(UserDataErasure erasure) {
    this.erasure = erasure;
  }

  @Override
  public String service() {
    return ErasureServices.PAYOUT;
  }

  @Override
  public void erase(EventEnvelope event, ErasureRequested request) {
    // Nothing can be erased without these: not retryable, so the request goes to the DLT at once.
    required(event.tenantId(), "tenant");
    required(request.erasureId(), "erasure id");
    required(request.userId(), "user id");
    erasure.erase(event, request);
  }

  private static void required(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("erasure request without a " + what);
  }
}
