package dev.claraop.platform.outbox;

import static dev.claraop.platform.outbox.DelegationRevocationProjectionTest.approved;
import static dev.claraop.platform.outbox.DelegationRevocationProjectionTest.revoked;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.claraop.events.Topics;
import dev.claraop.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A (re)started instance refuses every delegation until it has read identity.events up to where the topic ended
 * when its partitions were assigned: until then it may not know of a revocation published before it started.
 */
class DelegationRevocationCatchUpTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant EXPIRY = NOW.plusSeconds(3600);
  private static final TopicPartition P0 = new TopicPartition(Topics.IDENTITY, 0);
  private static final TopicPartition P1 = new TopicPartition(Topics.IDENTITY, 1);

  private final MovableClock clock = MovableClock.at(NOW);
  private final DelegationRevocationProjection revocations = new DelegationRevocationProjection(clock, Duration.ofDays(90));
  private final Logger log = (Logger) LoggerFactory.getLogger(DelegationRevocationProjection.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    log.detachAppender(logged);
  }

  @Test
  void before_any_assignment_every_delegation_is_refused_even_one_read_as_approved() {
    revocations.on(record(P0, 0, approved("d-1", EXPIRY)));

    assertThat(revocations.caughtUp()).isFalse();
    assertThat(revocations.revoked("d-1")).isTrue();
    assertThat(revocations.revoked("d-never-heard-of")).isTrue();
  }

  @Test
  void a_pending_partition_refuses_every_delegation_until_read_to_its_end_offset_then_only_the_revoked_ones() {
    revocations.assigned(Set.of(P0, P1), Map.of(P0, 0L, P1, 0L), Map.of(P0, 3L, P1, 1L));
    revocations.on(record(P1, 0, approved("d-3", EXPIRY)));
    revocations.on(record(P0, 0, approved("d-1", EXPIRY)));
    revocations.on(record(P0, 1, revoked("d-2", NOW)));

    assertThat(revocations.caughtUp()).as("partition 0 still has its offset 2 to read").isFalse();
    assertThat(revocations.revoked("d-1")).as("never revoked, refused all the same").isTrue();
    assertThat(revocations.revoked("d-3")).isTrue();

    clock.set(NOW.plusSeconds(2));
    revocations.on(record(P0, 2, approved("d-4", EXPIRY)));

    assertThat(revocations.caughtUp()).isTrue();
    assertThat(revocations.revoked("d-1")).isFalse();
    assertThat(revocations.revoked("d-3")).isFalse();
    assertThat(revocations.revoked("d-4")).isFalse();
    assertThat(revocations.revoked("d-2")).isTrue();
    revocations.on(record(P0, 3, approved("d-5", EXPIRY)));
    assertThat(logged.list).singleElement().satisfies(line -> {
      assertThat(line.getLevel()).isEqualTo(Level.INFO);
      assertThat(line.getFormattedMessage()).contains("caught up", "4 records", "2000 ms");
    });
  }

  @Test
  void an_empty_assignment_leaves_nothing_to_wait_for() {
    revocations.assigned(Set.of(), Map.of(), Map.of());

    assertThat(revocations.caughtUp()).isTrue();
    assertThat(revocations.revoked("d-1")).isFalse();
  }

  @Test
  void a_partition_assigned_at_its_end_already_is_not_waited_for() {
    revocations.assigned(Set.of(P0, P1), Map.of(P0, 5L, P1, 0L), Map.of(P0, 5L, P1, 0L));

    assertThat(revocations.caughtUp()).isTrue();
  }

  @Test
  void a_rebalance_that_adds_a_partition_refuses_again_until_that_one_is_read_to_its_end() {
    revocations.assigned(Set.of(P0), Map.of(P0, 0L), Map.of(P0, 1L));
    revocations.on(record(P0, 0, approved("d-1", EXPIRY)));
    assertThat(revocations.caughtUp()).isTrue();

    revocations.assigned(Set.of(P0, P1), Map.of(P1, 0L), Map.of(P1, 2L));

    assertThat(revocations.caughtUp()).isFalse();
    assertThat(revocations.revoked("d-1")).isTrue();
    revocations.on(record(P0, 1, approved("d-2", EXPIRY)));
    revocations.on(record(P1, 0, approved("d-3", EXPIRY)));
    assertThat(revocations.caughtUp()).as("partition 0 was read already; partition 1 has its offset 1 to read").isFalse();
    revocations.on(record(P1, 1, revoked("d-3", NOW)));
    assertThat(revocations.caughtUp()).isTrue();
    assertThat(revocations.revoked("d-1")).isFalse();
    assertThat(revocations.revoked("d-3")).isTrue();
    assertThat(logged.list).hasSize(2).allSatisfy(line -> assertThat(line.getLevel()).isEqualTo(Level.INFO));
  }

  @Test
  void a_partition_taken_away_before_it_was_read_is_no_longer_waited_for() {
    revocations.assigned(Set.of(P0, P1), Map.of(P0, 0L, P1, 0L), Map.of(P0, 1L, P1, 4L));
    revocations.on(record(P0, 0, approved("d-1", EXPIRY)));
    assertThat(revocations.caughtUp()).isFalse();

    revocations.assigned(Set.of(P0), Map.of(), Map.of());

    assertThat(revocations.caughtUp()).isTrue();
  }

  @Test
  void a_record_that_cannot_be_applied_still_counts_as_read() {
    revocations.assigned(Set.of(P0), Map.of(P0, 0L), Map.of(P0, 1L));

    revocations.on(record(P0, 0, null)); // a tombstone

    assertThat(revocations.caughtUp()).isTrue();
  }

  @Test
  void the_rebalance_listener_tells_the_projection_each_partitions_position_and_end_offset() {
    MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    // Partition 1's records are all gone (retention): it starts at its end.
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 4L));
    consumer.updateEndOffsets(Map.of(P0, 2L, P1, 4L));
    consumer.assign(List.of(P0, P1));

    DelegationRevocationAutoConfiguration.catchingUp(revocations).onPartitionsAssigned(consumer, List.of(P0, P1));

    assertThat(revocations.caughtUp()).isFalse();
    revocations.on(record(P0, 0, approved("d-1", EXPIRY)));
    assertThat(revocations.caughtUp()).isFalse();
    revocations.on(record(P0, 1, approved("d-2", EXPIRY)));
    assertThat(revocations.caughtUp()).isTrue();
  }

  private static ConsumerRecord<String, String> record(TopicPartition partition, long offset, String json) {
    return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key", json);
  }
}
