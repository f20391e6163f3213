package dev.claraop.payout.profile;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** What happened to a {@link PayoutProfile}, as stored: bank details only as ciphertext and masks. */
public final class ProfileEvents {

  /**
   * The profile now holds these details; {@code editedBy} is its last editor, whom the four-eyes rule keeps from
   * approving a batch that pays to them. {@code changedFields} names what this edit changed (P0 fields are
   * write-only, so one that was supplied counts as changed), never a value.
   */
  @Revision("1")
  public record PayoutProfileSet(
      String profileId, String tenantId, String creatorId, String editedBy, Instant editedAt, String accountHolder,
      String country, String currency, String sealedDetails, ProfileMasks masks, List<String> p0Fields,
      List<String> changedFields) {}

  private ProfileEvents() {}
}
