package dev.claraop.payout.batch;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What happened to a {@link PayoutBatch}, as stored in the event store. Internal to payout-service: the
 * published contracts are in platform-events, and {@code PayoutEventsPublisher} maps one to the other.
 */
public final class BatchEvents {

  @Revision("1")
  public record BatchGenerated(
      String batchId, String tenantId, String currency, String generatedBy, List<BatchLine> lines) {}

  private BatchEvents() {}
}
