package dev.claraop.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.payout.BatchApproved;
import dev.claraop.events.payout.BatchCancelled;
import dev.claraop.events.payout.BatchClosed;
import dev.claraop.retention.RetentionIntegrationTest;
import dev.claraop.test.KafkaRecords;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/** Closings on payout.events become due purges, once each, and what cannot be scheduled goes to the DLT. */
class BatchClosingsIT extends RetentionIntegrationTest {

  private static final Instant CLOSED_AT = Instant.parse("2026-11-22T09:00:00Z");
  private final EventCodec codec = new EventCodec();
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired DuePurges duePurges;
  @Autowired PurgeSettings settings;

  @Test
  void a_fully_paid_batch_is_scheduled_for_its_purge_thirty_days_after_closing() {
    String batch = "b-" + UUID.randomUUID();
    EventEnvelope closed = closed(batch, "demo", CLOSED_AT);
    send(closed);

    DuePurge due = awaitScheduled(batch);
    assertThat(due.tenantId()).isEqualTo("demo");
    assertThat(due.closedAt()).isEqualTo(CLOSED_AT);
    assertThat(due.status()).isEqualTo(DuePurge.Status.DUE);
    assertThat(due.scheduledBy()).isEqualTo(closed.eventId().toString());
    assertThat(due.dueAt(settings.payoutPurgeAfter())).isEqualTo(Instant.parse("2026-12-22T09:00:00Z"));
  }

  @Test
  void a_cancelled_batch_is_scheduled_from_its_closing_time() {
    String batch = "b-" + UUID.randomUUID();
    Instant cancelledAt = Instant.parse("2026-11-20T11:45:00Z");
    send(envelope(EventTypes.PAYOUT_BATCH_CANCELLED, batch, "other",
        new BatchCancelled(batch, "22222222-0000-4000-8000-000000000001", "Budget moved", cancelledAt)));

    DuePurge due = awaitScheduled(batch);
    assertThat(due.tenantId()).isEqualTo("other");
    assertThat(due.closedAt()).isEqualTo(cancelledAt);
  }

  @Test
  void a_redelivered_closing_changes_nothing() {
    String batch = "b-" + UUID.randomUUID();
    EventEnvelope closed = closed(batch, "demo", CLOSED_AT);
    send(closed);
    DuePurge first = awaitScheduled(batch);
    duePurges.purged(batch); // purged in between: a redelivery must not make it due again

    send(closed);
    send(closed);
    String marker = "b-" + UUID.randomUUID(); // after the redeliveries, with their key: same partition, read after them
    send(closed(marker, "demo", CLOSED_AT), batch);
    awaitScheduled(marker);

    DuePurge after = duePurges.find(batch).orElseThrow();
    assertThat(after.status()).isEqualTo(DuePurge.Status.PURGED);
    assertThat(after.scheduledBy()).isEqualTo(first.scheduledBy());
    assertThat(after.scheduledAt()).isEqualTo(first.scheduledAt());
  }

  @Test
  void other_payout_events_schedule_nothing() {
    String batch = "b-" + UUID.randomUUID();
    send(envelope(EventTypes.PAYOUT_BATCH_APPROVED, batch, "demo", new BatchApproved(batch, "someone")));
    String marker = "b-" + UUID.randomUUID();
    send(closed(marker, "demo", CLOSED_AT), batch);
    awaitScheduled(marker);
    assertThat(duePurges.find(batch)).isEmpty();
  }

  @Test
  void unreadable_records_and_closings_without_a_tenant_go_to_the_dead_letter_topic_and_the_consumer_moves_on() {
    String poison = "not an event " + UUID.randomUUID();
    String key = "k-" + UUID.randomUUID(); // one partition: the last record is read after the two bad ones
    kafka.send(Topics.PAYOUT, key, poison).join();
    String tenantless = "b-" + UUID.randomUUID();
    send(closed(tenantless, null, CLOSED_AT), key);
    String after = "b-" + UUID.randomUUID();
    send(closed(after, "demo", CLOSED_AT), key);

    awaitScheduled(after);
    assertThat(duePurges.find(tenantless)).isEmpty();
    // Each consumer group that cannot read a record dead-letters it (the erasure confirmations read payout.events too).
    var dead = KafkaRecords.read(Topics.deadLetterOf(Topics.PAYOUT),
        r -> deadLetteredBy(r, "retention-batch-closings") && (r.value().equals(poison) || r.value().contains(tenantless)),
        2, Duration.ofSeconds(20));
    assertThat(dead).hasSize(2);
  }

  @Test
  void the_golden_sample_of_a_closing_is_scheduled_as_it_is() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/samples/payout.batch.closed.v1.json")) {
      EventEnvelope sample = codec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      // A fresh event and batch id, so that this test does not depend on what earlier runs left in Kafka.
      String batch = "b-" + UUID.randomUUID();
      BatchClosed data = codec.data(sample, EventTypes.PAYOUT_BATCH_CLOSED);
      send(envelope(EventTypes.PAYOUT_BATCH_CLOSED, batch, sample.tenantId(),
          new BatchClosed(batch, data.status(), data.closedAt(), data.lineCount(), data.total())));
      assertThat(awaitScheduled(batch).closedAt()).isEqualTo(data.closedAt());
    }
  }

  private static boolean deadLetteredBy(ConsumerRecord<String, String> record, String group) {
    Header header = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
    return header != null && group.equals(new String(header.value(), StandardCharsets.UTF_8));
  }

  private DuePurge awaitScheduled(String batch) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> duePurges.find(batch).orElse(null), d -> d != null);
  }

  private EventEnvelope closed(String batch, String tenant, Instant closedAt) {
    return envelope(EventTypes.PAYOUT_BATCH_CLOSED, batch, tenant,
        new BatchClosed(batch, "FULLY_PAID", closedAt, 2, new BigDecimal("1750.00")));
  }

  private <T extends Record> EventEnvelope envelope(EventType<T> type, String batch, String tenant, T data) {
    return codec.envelope(type, UUID.randomUUID(), Instant.now(), tenant,
        Actor.user("11111111-0000-4000-8000-000000000002"), batch, "req-1", null, data);
  }

  private void send(EventEnvelope event) {
    send(event, event.subjectId());
  }

  private void send(EventEnvelope event, String key) {
    kafka.send(Topics.PAYOUT, key, codec.write(event)).join();
  }
}
