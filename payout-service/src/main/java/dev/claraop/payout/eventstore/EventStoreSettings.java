package dev.claraop.payout.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lookBack how far behind its token a tracking processor looks again for events committed out of
 *     order. Must exceed the worst append latency plus clock skew: measured here, 0 lost 12 of 320 events
 *     under concurrent appends and 1 s lost none (REFERENCES.md, "Axon on a Mongo event store").
 */
@ConfigurationProperties("claraop.event-store")
public record EventStoreSettings(@DefaultValue("3s") Duration lookBack) {}
