package dev.claraop.ingest.sync;

import static dev.claraop.ingest.InboxFlow.admin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.devstack.MailboxSeed;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.events.ingest.CampaignDetected;
import dev.claraop.events.ingest.EmailScanned;
import dev.claraop.ingest.InboxFlow;
import dev.claraop.ingest.IngestIntegrationTest;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A sync announces each message once ({@code ingest.email.scanned}) and each deal it finds
 * ({@code ingest.campaign.detected}), through the outbox of the message's own document, with no subject, address or
 * token on Kafka.
 */
class ScanEventsIT extends IngestIntegrationTest {

  private final EventCodec codec = new EventCodec();
  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired MailboxSync sync;

  @Test
  void each_message_is_announced_once_and_each_deal_becomes_a_detected_campaign_without_personal_data() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String account = tenant + "@demo.claraop.dev";
    String mailbox = new InboxFlow(http).connect(admin(tenant), account);
    int deals = (int) MailboxSeed.DEMO.stream().filter(MailboxSeed.Mail::deal).count();

    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.FULL);
    List<EventEnvelope> events = published(mailbox, MailboxSeed.DEMO.size() + deals);
    List<EmailScanned> scanned = data(events, EventTypes.INGEST_EMAIL_SCANNED);
    List<CampaignDetected> detected = data(events, EventTypes.INGEST_CAMPAIGN_DETECTED);
    assertThat(scanned).hasSize(MailboxSeed.DEMO.size());
    assertThat(scanned.stream().map(EmailScanned::messageId).distinct()).hasSize(MailboxSeed.DEMO.size());
    assertThat(scanned.stream().filter(EmailScanned::brandDeal)).hasSize(deals);
    assertThat(detected).hasSize(deals);
    assertThat(detected).extracting(CampaignDetected::brandDomain).contains("lumen-skincare.example", "ridgeline.example");
    assertThat(detected).allSatisfy(d -> {
      assertThat(d.connectedBy()).isEqualTo("admin-" + tenant);
      assertThat(d.cues()).isNotEmpty();
    });
    assertThat(detected.stream().map(CampaignDetected::threadId).distinct())
        .as("the Lumen follow-up shares its thread").hasSize(deals - 1);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.tenantId()).isEqualTo(tenant);
      assertThat(SchemaCheck.violations(EventTypes.byName(e.type()).orElseThrow(), e.data())).isEmpty();
    });
    Set<String> causes = events.stream().filter(e -> e.type().equals(EventTypes.INGEST_CAMPAIGN_DETECTED.name()))
        .map(EventEnvelope::causationId).collect(Collectors.toSet());
    assertThat(events.stream().filter(e -> causes.contains(e.eventId().toString())))
        .as("each detection is caused by its scan").hasSize(deals)
        .allMatch(e -> e.type().equals(EventTypes.INGEST_EMAIL_SCANNED.name()));

    String wire = raw(mailbox, events.size()).stream().map(ConsumerRecord::value).collect(Collectors.joining("\n"));
    for (MailboxSeed.Mail mail : MailboxSeed.DEMO) {
      assertThat(wire).as("no subject on Kafka").doesNotContain(mail.subject());
      assertThat(wire).as("no sender address on Kafka").doesNotContain(mail.from().replaceAll(".*<|>.*", ""));
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(mailbox) == 0);

    // Synced again, then three new messages: only those are announced.
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.INCREMENTAL);
    InboxFlow.standIn(account, "messages", "count=3");
    assertThat(sync.sync(mailbox)).isEqualTo(MailboxSync.Outcome.INCREMENTAL);
    long newDeals = mongo.getCollection("scanned_messages").countDocuments(new Document("mailboxId", mailbox)
        .append("brandDeal", true)) - deals;
    List<EventEnvelope> after = published(mailbox, MailboxSeed.DEMO.size() + 3 + deals + (int) newDeals);
    assertThat(data(after, EventTypes.INGEST_EMAIL_SCANNED)).hasSize(MailboxSeed.DEMO.size() + 3);
    assertThat(data(after, EventTypes.INGEST_CAMPAIGN_DETECTED))
        .hasSize(deals + (int) newDeals);
    assertThat(after.stream().map(EventEnvelope::eventId).distinct()).hasSize(after.size());
  }

  private List<EventEnvelope> published(String mailbox, int expected) {
    return raw(mailbox, expected).stream().map(r -> codec.read(r.value())).toList();
  }

  private static List<ConsumerRecord<String, String>> raw(String mailbox, int expected) {
    return KafkaRecords.read(Topics.INGEST, r -> mailbox.equals(r.key()), expected, Duration.ofSeconds(20));
  }

  private <T extends Record> List<T> data(List<EventEnvelope> events, EventType<T> type) {
    return events.stream().filter(e -> e.type().equals(type.name())).map(e -> codec.data(e, type)).toList();
  }

  private long pendingOutbox(String mailbox) {
    return mongo.getCollection("scanned_messages").countDocuments(new Document("mailboxId", mailbox)
        .append("outbox.0", new Document("$exists", true)));
  }
}
