package dev.claraop.retention.payout;

/**
 * What became of one purge call: purged (now or before: the command is idempotent), or not, with a fixed sentence
 * saying why. Reasons are ours, never payout-service's text, so nothing it might echo reaches the run record.
 */
public record PurgeAnswer(boolean purged, String failure) {

  static PurgeAnswer done() {
    return new PurgeAnswer(true, null);
  }

  static PurgeAnswer failed(String reason) {
    return new PurgeAnswer(false, reason);
  }
}
