package dev.claraop.retention.erasure;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.UserDataErased;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The four services' answers, {@code <service>.user-data.erased}, each on its own topic: marks that service as
 * confirmed on the erasure, with when and how many of each kind it removed. The first answer counts; a repeated one
 * (a service asked again answers again, having nothing more to erase) changes nothing.
 */
@Component
class ErasureConfirmations {

  private static final Logger log = LoggerFactory.getLogger(ErasureConfirmations.class);
  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,39}");
  private static final Map<String, String> SERVICE_BY_TYPE = EventTypes.USER_DATA_ERASED.entrySet().stream()
      .collect(Collectors.toUnmodifiableMap(e -> e.getValue().name(), Map.Entry::getKey));
  private final EventCodec codec = new EventCodec();
  private final Erasures erasures;

  ErasureConfirmations(Erasures erasures) {
    this.erasures = erasures;
  }

  @KafkaListener(id = "retention-erasure-confirmations",
      topics = {Topics.IDENTITY, Topics.PAYOUT, Topics.INGEST, Topics.ACCESS},
      containerFactory = ErasureConsumerConfiguration.FACTORY)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    String service = SERVICE_BY_TYPE.get(event.type());
    if (service == null) return;
    EventType<UserDataErased> type = EventTypes.USER_DATA_ERASED.get(service);
    if (!type.topic().equals(record.topic())) {
      throw new IllegalArgumentException(type.name() + " outside " + type.topic());
    }
    UserDataErased erased = codec.data(event, type);
    if (!service.equals(erased.service())) throw new IllegalArgumentException(type.name() + " names another service");
    if (erased.erasureId() == null || erased.erasureId().isBlank()) throw new IllegalArgumentException("no erasureId");
    if (erased.userId() == null || erased.userId().isBlank()) throw new IllegalArgumentException("no userId");
    Map<String, Integer> removed = erased.removed() == null ? Map.of() : erased.removed();
    removed.forEach((kind, count) -> {
      // Stored as field names: only the schema's plain lowercase kinds, never a '.' or '$'.
      if (kind == null || !KIND.matcher(kind).matches() || count == null || count < 0) {
        throw new IllegalArgumentException(type.name() + " with an invalid removed count");
      }
    });
    erasures.confirmed(erased.erasureId(), erased.userId(), service,
        new Erasure.Confirmation(event.occurredAt(), removed)).ifPresentOrElse(
            erasure -> log.info("erasure {}: {} confirmed, {} pending", erasure.erasureId(), service, erasure.pending()),
            () -> log.debug("{} confirmation {} changes nothing (erasure {} unknown, not erasing or confirmed before)",
                service, event.eventId(), erased.erasureId()));
  }
}
