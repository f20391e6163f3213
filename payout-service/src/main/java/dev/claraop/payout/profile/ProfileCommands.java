package dev.claraop.payout.profile;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a {@link PayoutProfile}. Bank details arrive already sealed: the aggregate never sees P0. */
public final class ProfileCommands {

  /**
   * Set a creator's payout profile, creating it if need be. {@code sealedDetails} holds the P0 fields sealed under
   * the profile's own data key; {@code p0Fields} names those that are set.
   */
  public record SetPayoutProfile(
      @TargetAggregateIdentifier String profileId, String tenantId, String creatorId, String editedBy,
      java.time.Instant editedAt, String accountHolder, String country, String currency, String sealedDetails, ProfileMasks masks,
      List<String> p0Fields) {
    public SetPayoutProfile {
      Objects.requireNonNull(sealedDetails, "sealedDetails");
      Objects.requireNonNull(editedAt, "editedAt");
      p0Fields = List.copyOf(p0Fields);
    }
  }

  private ProfileCommands() {}
}
