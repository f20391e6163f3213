package dev.claraop.payout.batch;

/** A batch command the batch's rules refuse; answered 409 and nothing changes. */
public class BatchRejected extends RuntimeException {
  public BatchRejected(String batchId, String reason) {
    super("batch " + batchId + ": " + reason);
  }
}
