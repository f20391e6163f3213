package dev.claraop.payout.profile.internal;

import dev.claraop.payout.profile.ProfileMasks;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The current state of a payout profile, rebuilt from the event store by {@link ProfileProjection}. Bank details
 * only as {@code sealedDetails} (ciphertext under the profile's data key) and masks.
 */
@Document("payout_profiles")
public record ProfileDocument(
    @Id String id, String tenantId, String creatorId, String accountHolder, String country, String currency,
    String sealedDetails, ProfileMasks masks, String editedBy, Instant editedAt) {}
