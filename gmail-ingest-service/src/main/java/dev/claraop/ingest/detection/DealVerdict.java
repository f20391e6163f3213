package dev.claraop.ingest.detection;

import java.util.List;

/**
 * What detection decided about one message and why: every cue that fired with its weight, their sum, and whether
 * the sum reached {@link BrandDealDetector#THRESHOLD}.
 */
public record DealVerdict(boolean brandDeal, int score, List<Cue> cues) {

  public DealVerdict {
    cues = List.copyOf(cues);
  }

  public List<String> cueNames() {
    return cues.stream().map(Cue::name).toList();
  }
}
