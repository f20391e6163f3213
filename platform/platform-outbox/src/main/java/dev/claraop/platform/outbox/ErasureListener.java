package dev.claraop.platform.outbox;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Hands a service's {@link ErasureParticipant} what retention asks of it on {@code retention.events}: requests naming
 * the service, and confirmations; every other event, and a request for the other services only, is passed over.
 */
public final class ErasureListener {

  private final EventCodec codec = new EventCodec();
  private final ErasureParticipant participant;
  private final boolean listening;

  /** A listener for tests that hand it records themselves. */
  public ErasureListener(ErasureParticipant participant) {
    this(participant, true);
  }

  /** @param listening false keeps the instance out of the group ({@code claraop.<service>.erasures.listening}) */
  ErasureListener(ErasureParticipant participant, boolean listening) {
    this.participant = participant;
    this.listening = listening;
  }

  /** The listener's id and consumer group: {@code <service>-erasures}. */
  public String id() {
    return participant.service() + "-erasures";
  }

  public boolean listening() {
    return listening;
  }

  @KafkaListener(id = "#{__listener.id()}", topics = Topics.RETENTION,
      containerFactory = ErasureParticipationAutoConfiguration.LISTENERS, autoStartup = "#{__listener.listening()}")
  public void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    if (EventTypes.RETENTION_ERASURE_REQUESTED.name().equals(event.type())) {
      ErasureRequested request = codec.data(event, EventTypes.RETENTION_ERASURE_REQUESTED);
      if (request.services() != null && request.services().contains(participant.service())) {
        participant.erase(event, request);
      }
    } else if (EventTypes.RETENTION_ERASURE_CONFIRMED.name().equals(event.type())) {
      participant.complete(event);
    }
  }
}
