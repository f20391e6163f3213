package dev.claraop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The envelope every Kafka record carries (DESIGN §7). Consumers are idempotent by {@link #eventId()}.
 * {@code data} never holds P0 or P1 values: producers publish summaries and references, not bank details.
 */
public record EventEnvelope(
    UUID eventId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String tenantId,
    Actor actor,
    String subjectId,
    String correlationId,
    String causationId,
    JsonNode data) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(data, "data");
    if (subjectId == null || subjectId.isBlank()) throw new IllegalArgumentException("empty subject id");
    if (schemaVersion < 1) throw new IllegalArgumentException("schema versions start at 1");
  }
}
