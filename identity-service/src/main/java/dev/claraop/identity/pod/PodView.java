package dev.claraop.identity.pod;

import java.util.List;

public record PodView(String podId, String name, String managerId, List<String> creatorIds) {

  static PodView of(Pod pod) {
    return new PodView(pod.podId(), pod.name(), pod.managerId(), pod.creatorIds());
  }
}
