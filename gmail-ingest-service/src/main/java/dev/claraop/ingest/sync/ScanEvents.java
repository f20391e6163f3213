package dev.claraop.ingest.sync;

import dev.claraop.events.Actor;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.ingest.CampaignDetected;
import dev.claraop.events.ingest.EmailScanned;
import dev.claraop.ingest.detection.CampaignNames;
import dev.claraop.ingest.detection.DealVerdict;
import dev.claraop.ingest.detection.SenderAddress;
import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.platform.outbox.EventOutbox;
import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events one scanned message announces: always {@code ingest.email.scanned}, and {@code ingest.campaign.detected}
 * (caused by it) when detection found a deal. Both are keyed by the mailbox, so one mailbox's events stay in order.
 * They carry the sender's domain, never the address, the display name or the subject (see the README).
 */
final class ScanEvents {

  private static final EventCodec CODEC = new EventCodec();
  private static final Actor INGEST = Actor.system("gmail-ingest-service");

  static List<OutboxRecord> of(Mailbox mailbox, GmailApi.Metadata message, Optional<SenderAddress> sender,
      Instant receivedAt, DealVerdict verdict, Instant now) {
    List<OutboxRecord> records = new ArrayList<>();
    EventEnvelope scanned = CODEC.envelope(EventTypes.INGEST_EMAIL_SCANNED, UUID.randomUUID(), now,
        mailbox.tenantId(), INGEST, mailbox.id(), null, null,
        new EmailScanned(mailbox.id(), message.id(), message.threadId(), sender.map(SenderAddress::domain).orElse(null),
            receivedAt, verdict.brandDeal(), verdict.score(), verdict.cueNames()));
    records.add(EventOutbox.record(EventTypes.INGEST_EMAIL_SCANNED, scanned));
    if (verdict.brandDeal() && sender.isPresent()) {
      EventEnvelope detected = CODEC.envelope(EventTypes.INGEST_CAMPAIGN_DETECTED, UUID.randomUUID(), now,
          mailbox.tenantId(), INGEST, mailbox.id(), null, scanned.eventId().toString(),
          new CampaignDetected(mailbox.id(), message.id(), message.threadId(), sender.get().organisationDomain(),
              CampaignNames.suggest(sender.get(), verdict, receivedAt), receivedAt, mailbox.connectedBy(),
              verdict.cueNames()));
      records.add(EventOutbox.record(EventTypes.INGEST_CAMPAIGN_DETECTED, detected));
    }
    return records;
  }

  private ScanEvents() {}
}
