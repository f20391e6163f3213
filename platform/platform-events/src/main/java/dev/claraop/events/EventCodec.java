package dev.claraop.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads envelopes as JSON. One mapper, configured once, so that every service puts the same
 * bytes on the wire for the same event (golden samples in the tests pin it).
 */
public final class EventCodec {

  // Amounts are read as BigDecimal with their scale: a double would turn 2750.00 into 2750.0, or worse.
  private final JsonMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  /** Wraps {@code data} in a new envelope of {@code type}. */
  public <T extends Record> EventEnvelope envelope(
      EventType<T> type, UUID eventId, Instant occurredAt, String tenantId, Actor actor,
      String subjectId, String correlationId, String causationId, T data) {
    if (!type.dataType().isInstance(data)) {
      throw new IllegalArgumentException(type.name() + " carries " + type.dataType().getSimpleName());
    }
    return new EventEnvelope(eventId, type.name(), type.schemaVersion(), occurredAt, tenantId, actor,
        subjectId, correlationId, causationId, json.valueToTree(data));
  }

  public String write(EventEnvelope envelope) {
    return json.writeValueAsString(envelope);
  }

  /** @throws UnreadableEvent when the text is not an envelope this codec can read */
  public EventEnvelope read(String text) {
    try {
      EventEnvelope envelope = json.readValue(text, EventEnvelope.class);
      if (envelope == null) throw new UnreadableEvent("empty record", null);
      return envelope;
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // The message names the failure, never the record's content.
      throw new UnreadableEvent("not a readable event envelope: " + e.getClass().getSimpleName(), e);
    }
  }

  /** The envelope's data as the record of {@code type}. */
  public <T extends Record> T data(EventEnvelope envelope, EventType<T> type) {
    if (!type.name().equals(envelope.type())) {
      throw new IllegalArgumentException("envelope is " + envelope.type() + ", not " + type.name());
    }
    try {
      return json.treeToValue(envelope.data(), type.dataType());
    } catch (JacksonException e) {
      throw new UnreadableEvent("data does not match " + type.name(), e);
    }
  }

  public JsonNode tree(Object value) {
    return json.valueToTree(value);
  }

  /** A record that cannot be read as an event; consumers send it to the dead-letter topic. */
  public static final class UnreadableEvent extends RuntimeException {
    public UnreadableEvent(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
