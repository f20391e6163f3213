package dev.claraop.events;

import dev.claraop.events.identity.PodUpdated;
import dev.claraop.events.payout.BatchApproved;
import dev.claraop.events.payout.BatchCancelled;
import dev.claraop.events.payout.BatchClosed;
import dev.claraop.events.payout.BatchExported;
import dev.claraop.events.payout.BatchGenerated;
import dev.claraop.events.payout.LineFailed;
import dev.claraop.events.payout.LinePaid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type any service publishes. Consumers (audit above all) are tested against this list. */
public final class EventTypes {

  public static final EventType<BatchGenerated> PAYOUT_BATCH_GENERATED =
      new EventType<>("payout.batch.generated", 1, Topics.PAYOUT, BatchGenerated.class);

  public static final EventType<BatchApproved> PAYOUT_BATCH_APPROVED =
      new EventType<>("payout.batch.approved", 1, Topics.PAYOUT, BatchApproved.class);

  public static final EventType<BatchExported> PAYOUT_BATCH_EXPORTED =
      new EventType<>("payout.batch.exported", 1, Topics.PAYOUT, BatchExported.class);

  public static final EventType<BatchCancelled> PAYOUT_BATCH_CANCELLED =
      new EventType<>("payout.batch.cancelled", 1, Topics.PAYOUT, BatchCancelled.class);

  public static final EventType<LinePaid> PAYOUT_BATCH_LINE_PAID =
      new EventType<>("payout.batch.line-paid", 1, Topics.PAYOUT, LinePaid.class);

  public static final EventType<LineFailed> PAYOUT_BATCH_LINE_FAILED =
      new EventType<>("payout.batch.line-failed", 1, Topics.PAYOUT, LineFailed.class);

  public static final EventType<BatchClosed> PAYOUT_BATCH_CLOSED =
      new EventType<>("payout.batch.closed", 1, Topics.PAYOUT, BatchClosed.class);

  public static final EventType<PodUpdated> IDENTITY_POD_UPDATED =
      new EventType<>("identity.pod.updated", 1, Topics.IDENTITY, PodUpdated.class);

  private static final List<EventType<?>> ALL = List.of(PAYOUT_BATCH_GENERATED, PAYOUT_BATCH_APPROVED,
      PAYOUT_BATCH_EXPORTED, PAYOUT_BATCH_CANCELLED, PAYOUT_BATCH_LINE_PAID, PAYOUT_BATCH_LINE_FAILED,
      PAYOUT_BATCH_CLOSED, IDENTITY_POD_UPDATED);

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
