package dev.claraop.platform.outbox;

/**
 * An event waiting in its aggregate's document to be published: already encoded, with its topic and key, and the
 * W3C trace of the request that caused it ({@code null} outside a trace), which the relay continues.
 */
public record OutboxRecord(String eventId, String topic, String key, String json, String traceparent) {

  public OutboxRecord(String eventId, String topic, String key, String json) {
    this(eventId, topic, key, json, null);
  }
}
