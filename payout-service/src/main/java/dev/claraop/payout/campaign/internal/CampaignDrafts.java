package dev.claraop.payout.campaign.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.Topics;
import dev.claraop.events.ingest.CampaignDetected;
import dev.claraop.payout.campaign.Campaign.CampaignStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns {@code ingest.campaign.detected} into a DRAFT campaign, one per mailbox thread however often a thread's
 * messages are detected or an event is delivered: the campaign's id is derived from tenant, mailbox and thread, and
 * the write is an upsert that sets the draft's fields only when it inserts. A redelivered event (same event id)
 * changes nothing at all. Offsets are committed after the write, so a crash redelivers and nothing is lost; a record
 * that cannot be read or names no tenant or thread goes to {@code ingest.events.DLT}
 * ({@link CampaignConsumerConfiguration}).
 */
@Component
class CampaignDrafts {

  private static final Logger log = LoggerFactory.getLogger(CampaignDrafts.class);
  private final EventCodec codec = new EventCodec();
  private final MongoTemplate mongo;
  private final Clock clock;
  private final Counter drafted;

  CampaignDrafts(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
    this.mongo = mongo;
    this.clock = clock;
    this.drafted = Counter.builder("claraop.payout.campaigns.drafted")
        .description("DRAFT campaigns made from ingest.campaign.detected, one per mailbox thread").register(meters);
  }

  @KafkaListener(id = "payout-campaign-drafts", topics = Topics.INGEST,
      containerFactory = CampaignConsumerConfiguration.FACTORY)
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    if (!EventTypes.INGEST_CAMPAIGN_DETECTED.name().equals(event.type())) return;
    CampaignDetected detected = codec.data(event, EventTypes.INGEST_CAMPAIGN_DETECTED);
    String tenant = required(event.tenantId(), "tenant");
    String id = draftId(tenant, required(detected.mailboxId(), "mailbox"), required(detected.threadId(), "thread"));
    String eventId = event.eventId().toString();
    Update update = new Update()
        .setOnInsert("tenantId", tenant)
        .setOnInsert("name", detected.suggestedName())
        .setOnInsert("brand", detected.brandDomain())
        .setOnInsert("status", CampaignStatus.DRAFT)
        .setOnInsert("source", CampaignDocument.FROM_INBOX)
        .setOnInsert("brandDomain", detected.brandDomain())
        .setOnInsert("mailboxId", detected.mailboxId())
        .setOnInsert("threadId", detected.threadId())
        .setOnInsert("connectedBy", detected.connectedBy())
        .setOnInsert("cues", detected.cues())
        .setOnInsert("detectedAt", detected.receivedAt())
        .setOnInsert("createdAt", clock.instant())
        .addToSet("sourceEventIds", eventId);
    try {
      CampaignDocument before = mongo.findAndModify(query(where("_id").is(id)), update,
          FindAndModifyOptions.options().upsert(true).returnNew(false), CampaignDocument.class);
      if (before == null) {
        drafted.increment();
      } else {
        log.debug("campaign {} already drafted for its thread; event {} adds nothing", id, eventId);
      }
    } catch (DuplicateKeyException concurrent) {
      // Two deliveries of the same thread raced; the other one drafted it.
    }
  }

  /** The same tenant, mailbox and thread always name the same campaign. */
  static String draftId(String tenant, String mailbox, String thread) {
    return "c-" + UUID.nameUUIDFromBytes((tenant + "\n" + mailbox + "\n" + thread).getBytes(StandardCharsets.UTF_8));
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("campaign detected without a " + what);
    return value;
  }
}
