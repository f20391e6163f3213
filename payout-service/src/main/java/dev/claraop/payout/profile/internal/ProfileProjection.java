package dev.claraop.payout.profile.internal;

import dev.claraop.payout.profile.ProfileEvents.PayoutProfileSet;
import dev.claraop.payout.profile.PayoutProfiles;
import dev.claraop.platform.crypto.shredding.DataKeys;
import dev.claraop.platform.crypto.shredding.MissingDataKey;
import dev.claraop.platform.crypto.shredding.SubjectKey;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code payout_profiles} in step with the event store; each event overwrites the whole profile (idempotent).
 * A profile whose data key was shredded (account erasure) is not projected again: the events stay in the store, and
 * an event projected late or replayed would otherwise bring back the holder's name beside unreadable details.
 */
@Component
@ProcessingGroup("payout-profiles")
class ProfileProjection {

  private final MongoTemplate mongo;
  private final DataKeys dataKeys;

  ProfileProjection(MongoTemplate mongo, DataKeys dataKeys) {
    this.mongo = mongo;
    this.dataKeys = dataKeys;
  }

  @EventHandler
  void on(PayoutProfileSet event) {
    if (erased(event)) return;
    mongo.save(new ProfileDocument(event.profileId(), event.tenantId(), event.creatorId(), event.accountHolder(),
        event.country(), event.currency(), event.sealedDetails(), event.masks(), event.editedBy(), event.editedAt()));
  }

  private boolean erased(PayoutProfileSet event) {
    try (SubjectKey key = dataKeys.open(PayoutProfiles.subjectOf(event.tenantId(), event.creatorId()))) {
      return key.shredded();
    } catch (MissingDataKey never) {
      return false; // the key is made before the event is stored; without one there is nothing shredded
    }
  }
}
