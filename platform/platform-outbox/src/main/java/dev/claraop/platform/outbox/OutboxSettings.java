package dev.claraop.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the relay looks and how it reports.
 *
 * @param collections the collections whose documents may carry an {@link EventOutbox#FIELD}
 * @param pollInterval the pause between two rounds (a round publishes everything pending)
 * @param publishedCounter the meter counting records Kafka acknowledged, named after the service's topic
 * @param staffReads whether the service serves reads under support grants, recorded in {@link StaffReadOutbox}
 *     (whose collection is then relayed too)
 */
@ConfigurationProperties("claraop.outbox")
public record OutboxSettings(List<String> collections, Duration pollInterval, String publishedCounter, boolean staffReads) {

  public OutboxSettings {
    collections = collections == null ? List.of() : List.copyOf(collections);
    if (staffReads && !collections.contains(StaffReadOutbox.COLLECTION)) {
      collections = java.util.stream.Stream.concat(collections.stream(), java.util.stream.Stream.of(StaffReadOutbox.COLLECTION)).toList();
    }
    if (pollInterval == null) pollInterval = Duration.ofMillis(200);
    if (publishedCounter == null || publishedCounter.isBlank()) publishedCounter = "claraop.outbox.events.published";
  }
}
