package dev.claraop.ingest.detection;

/**
 * One reason a message looks like a brand deal (positive weight) or like something else (negative weight). The
 * name is stable: it travels in {@code ingest.email.scanned} and {@code ingest.campaign.detected}.
 */
public record Cue(String name, int weight) {

  public Cue {
    if (name == null || !name.matches("[a-z]+\\.[a-z-]+")) throw new IllegalArgumentException("cue name " + name);
    if (weight == 0) throw new IllegalArgumentException("a cue that weighs nothing explains nothing: " + name);
  }
}
