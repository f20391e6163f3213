package dev.claraop.retention.outbox;

/** One event waiting in a document's outbox: what {@link OutboxRelay} sends, keyed as Kafka wants it. */
public record OutboxRecord(String eventId, String topic, String key, String json) {}
