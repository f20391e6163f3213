package dev.claraop.platform.outbox;

/** An event waiting in its aggregate's document to be published: already encoded, with its topic and key. */
public record OutboxRecord(String eventId, String topic, String key, String json) {}
