package dev.claraop.payout.erasure;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows {@code retention.events} for {@code retention.erasure.requested} naming payout (DESIGN §6.6); every other
 * event and a request for the other services only is passed over. A request arriving late (payout was down) or again
 * (retention asks until it hears back, or a redelivery) is erased the same way: erasing is idempotent.
 */
@Component
class ErasureRequests {

  private final EventCodec codec = new EventCodec();
  private final UserDataErasure erasure;

  ErasureRequests(UserDataErasure erasure) {
    this.erasure = erasure;
  }

  @KafkaListener(id = "payout-erasures", topics = Topics.RETENTION, containerFactory = ErasureConsumerConfiguration.FACTORY)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    if (!EventTypes.RETENTION_ERASURE_REQUESTED.name().equals(event.type())) return;
    ErasureRequested request = codec.data(event, EventTypes.RETENTION_ERASURE_REQUESTED);
    if (request.services() == null || !request.services().contains(ErasureServices.PAYOUT)) return;
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
