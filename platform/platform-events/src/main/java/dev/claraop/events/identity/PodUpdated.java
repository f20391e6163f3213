package dev.claraop.events.identity;

import java.util.List;

/**
 * {@code identity.pod.updated} v1: a pod now has this name, this manager and exactly these creators.
 * Consumers replace what they knew of the pod: the event is the whole membership, not a change to it.
 */
public record PodUpdated(String podId, String name, String managerId, List<String> creatorIds) {}
