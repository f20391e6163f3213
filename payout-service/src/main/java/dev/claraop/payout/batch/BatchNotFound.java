package dev.claraop.payout.batch;

/**
 * A batch, or a line of it, that does not exist for the caller's tenant. Another tenant's batch gets the
 * same answer as an unknown one (404), so batch ids cannot be probed.
 */
public class BatchNotFound extends RuntimeException {
  public BatchNotFound(String what) {
    super(what + " not found");
  }
}
