package dev.claraop.payout.batch;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a creator's payout trail ({@code GET /api/my/payouts}): what the creator is paid in one batch, and how far
 * that payment went. {@code batchReference} is the first 8 characters of the batch id, what the creator quotes when
 * they ask about it. {@code status} is the line's (PENDING, PAID, FAILED with {@code failureReason}),
 * {@code batchStatus} the batch's, so a line of a cancelled batch shows as cancelled rather than vanishing.
 * {@code account} is the mask the batch shows ({@code SHREDDED} once its bank details were purged), never more.
 * {@code generatedAt}, {@code approvedAt}, {@code exportedAt} (the latest export) are the batch's steps,
 * {@code confirmedAt} when the line was marked paid or failed; each null until it happened. {@code approvedBy} says
 * who approved as a role ("an agency admin"), never who: no name or id of agency staff is in a creator's view.
 */
public record CreatorPayoutView(
    String lineId, String batchId, String batchReference, BigDecimal amount, String currency, LineStatus status,
    String failureReason, String account, BatchStatus batchStatus, Instant generatedAt, Instant approvedAt,
    Instant exportedAt, Instant confirmedAt, String approvedBy) {

  private static final int REFERENCE_LENGTH = 8;

  public static String reference(String batchId) {
    return batchId.length() <= REFERENCE_LENGTH ? batchId : batchId.substring(0, REFERENCE_LENGTH);
  }

  /** Who approved, as a creator may read it: how many agency admins, null before the approval. */
  public static String approvers(int approvals) {
    return switch (approvals) {
      case 0 -> null;
      case 1 -> "an agency admin";
      case 2 -> "two agency admins";
      default -> approvals + " agency admins";
    };
  }
}
