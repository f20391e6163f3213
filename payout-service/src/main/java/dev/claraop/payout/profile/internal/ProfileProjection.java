package dev.claraop.payout.profile.internal;

import dev.claraop.payout.profile.ProfileEvents.PayoutProfileSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code payout_profiles} in step with the event store; each event overwrites the whole profile (idempotent). */
@Component
@ProcessingGroup("payout-profiles")
class ProfileProjection {

  private final MongoTemplate mongo;

  ProfileProjection(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventHandler
  void on(PayoutProfileSet event) {
    mongo.save(new ProfileDocument(event.profileId(), event.tenantId(), event.creatorId(), event.accountHolder(),
        event.country(), event.currency(), event.sealedDetails(), event.masks(), event.editedBy(), event.editedAt()));
  }
}
