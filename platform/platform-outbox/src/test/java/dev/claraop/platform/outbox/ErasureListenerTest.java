package dev.claraop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.erasure.ErasureConfirmed;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the platform's erasure listener hands a service's participant, and what it passes over. */
class ErasureListenerTest {

  private final EventCodec codec = new EventCodec();
  private final List<String> handed = new ArrayList<>();
  private final ErasureListener listener = new ErasureListener(new ErasureParticipant() {
    @Override
    public String service() {
      return ErasureServices.INGEST;
    }

    @Override
    public void erase(EventEnvelope request, ErasureRequested erasure) {
      handed.add("erase " + erasure.erasureId());
    }

    @Override
    public void complete(EventEnvelope confirmation) {
      handed.add("complete " + confirmation.subjectId());
    }
  });

  @Test
  void a_request_naming_the_service_is_erased_and_one_for_the_others_only_is_passed_over() {
    listener.on(record(EventTypes.RETENTION_ERASURE_REQUESTED,
        new ErasureRequested("e-1", "u-1", 1, List.of(ErasureServices.PAYOUT, ErasureServices.INGEST))));
    listener.on(record(EventTypes.RETENTION_ERASURE_REQUESTED,
        new ErasureRequested("e-2", "u-2", 1, List.of(ErasureServices.PAYOUT))));
    listener.on(record(EventTypes.RETENTION_ERASURE_REQUESTED, new ErasureRequested("e-3", "u-3", 1, null)));
    assertThat(handed).containsExactly("erase e-1");
  }

  @Test
  void a_confirmation_is_handed_over_whichever_services_it_names() {
    listener.on(record(EventTypes.RETENTION_ERASURE_CONFIRMED, new ErasureConfirmed("e-1", "u-1", 1, List.of())));
    assertThat(handed).containsExactly("complete u-1");
  }

  @Test
  void a_record_that_is_no_envelope_is_unreadable_and_so_dead_lettered() {
    assertThatThrownBy(() -> listener.on(new ConsumerRecord<>(Topics.RETENTION, 0, 0, "k", "not json")))
        .isInstanceOf(EventCodec.UnreadableEvent.class);
    assertThat(handed).isEmpty();
  }

  @Test
  void its_listener_and_group_are_named_after_the_service() {
    assertThat(listener.id()).isEqualTo("ingest-erasures");
    assertThat(listener.listening()).isTrue();
  }

  private <T extends Record> ConsumerRecord<String, String> record(EventType<T> type, T data) {
    String userId = data instanceof ErasureRequested r ? r.userId() : ((ErasureConfirmed) data).userId();
    EventEnvelope event = codec.envelope(type, UUID.randomUUID(), Instant.now(), "t-1",
        Actor.system("retention-service"), userId, null, null, data);
    return new ConsumerRecord<>(Topics.RETENTION, 0, 0, userId, codec.write(event));
  }
}
