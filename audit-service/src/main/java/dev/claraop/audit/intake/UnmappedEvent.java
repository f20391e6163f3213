package dev.claraop.audit.intake;

/** An event type audit has no mapping for (a newer producer): kept on the dead-letter topic, not guessed at. */
class UnmappedEvent extends RuntimeException {
  UnmappedEvent(String type) {
    super("no audit mapping for event type " + type);
  }
}
