package dev.claraop.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, as an outside observer would. */
public final class KafkaRecords {

  /** Every record of {@code topic} matching {@code wanted}, polling until {@code enough} of them or the timeout. */
  public static List<ConsumerRecord<String, String>> read(
      String topic, Predicate<ConsumerRecord<String, String>> wanted, int enough, Duration timeout) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "observer-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      while (found.size() < enough && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (wanted.test(r)) found.add(r);
        });
      }
      // One more short poll: anything beyond "enough" (a duplicate) must be seen too.
      consumer.poll(Duration.ofMillis(500)).forEach(r -> {
        if (wanted.test(r)) found.add(r);
      });
    }
    return found;
  }

  private KafkaRecords() {}
}
