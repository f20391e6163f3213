package dev.claraop.ingest.connect;

/** A callback that connects nothing (400): unknown, expired or used state, a denial, or a grant we refuse. */
class ConsentRefused extends RuntimeException {
  ConsentRefused(String reason) {
    super(reason, null, false, false);
  }
}
