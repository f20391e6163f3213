package dev.claraop.payout.profile.internal;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.ProfileUpdated;
import dev.claraop.payout.eventstore.StorePublication;
import dev.claraop.payout.profile.ProfileEvents.PayoutProfileSet;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Publishes profile changes to {@code payout.events} from the event store, in the same tracking processor as the
 * batch events (so in store order, the token moving only after Kafka's acknowledgement). The published event
 * names the creator, the editor and the changed fields: never a value, sealed or masked.
 */
@Component
@ProcessingGroup("payout-events-publisher")
class ProfileEventsPublisher {

  private final StorePublication publication;
  private final EventCodec codec = new EventCodec();

  ProfileEventsPublisher(StorePublication publication) {
    this.publication = publication;
  }

  @EventHandler
  void on(PayoutProfileSet event, EventMessage<?> message) throws Exception {
    String envelope = codec.write(codec.envelope(EventTypes.PAYOUT_PROFILE_UPDATED,
        UUID.fromString(message.getIdentifier()), message.getTimestamp(), event.tenantId(), Actor.user(event.editedBy()),
        event.creatorId(), (String) message.getMetaData().get("requestId"), (String) message.getMetaData().get("traceId"),
        new ProfileUpdated(event.creatorId(), event.editedBy(), event.changedFields())));
    publication.send(message, Topics.PAYOUT, event.creatorId(), envelope);
  }
}
