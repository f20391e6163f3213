package dev.claraop.events;

import dev.claraop.events.identity.PodUpdated;
import dev.claraop.events.payout.BatchGenerated;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type any service publishes. Consumers (audit above all) are tested against this list. */
public final class EventTypes {

  public static final EventType<BatchGenerated> PAYOUT_BATCH_GENERATED =
      new EventType<>("payout.batch.generated", 1, Topics.PAYOUT, BatchGenerated.class);

  public static final EventType<PodUpdated> IDENTITY_POD_UPDATED =
      new EventType<>("identity.pod.updated", 1, Topics.IDENTITY, PodUpdated.class);

  private static final List<EventType<?>> ALL = List.of(PAYOUT_BATCH_GENERATED, IDENTITY_POD_UPDATED);

  private static final Map<String, EventType<?>> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

  public static List<EventType<?>> all() {
    return ALL;
  }

  public static Optional<EventType<?>> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private EventTypes() {}
}
