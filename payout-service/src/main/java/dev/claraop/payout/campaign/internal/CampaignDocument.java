package dev.claraop.payout.campaign.internal;

import dev.claraop.payout.campaign.Campaign.CampaignStatus;
import dev.claraop.platform.outbox.OutboxRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A campaign as stored, whether made by hand or drafted from an inbox. Only inbox drafts carry the mailbox fields;
 * {@code sourceEventIds} are the {@code ingest.campaign.detected} events that found the thread, so a redelivered one
 * is recognised.
 */
@Document("campaigns")
public record CampaignDocument(
    @Id String id,
    String tenantId,
    String name,
    String brand,
    CampaignStatus status,
    String source,
    String brandDomain,
    String mailboxId,
    String threadId,
    String connectedBy,
    List<String> cues,
    Instant detectedAt,
    Instant createdAt,
    List<String> sourceEventIds,
    String createdBy,
    List<OutboxRecord> outbox) {

  public static final String FROM_INBOX = "INBOX";
}
