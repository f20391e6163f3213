package dev.claraop.payout.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as the API shows it. An inbox draft names its mailbox thread, the brand's domain and the detection cues
 * that found it; never the email's subject or sender address, which payout-service never receives.
 */
public record CampaignView(String id, String name, String brand, String status, String source, String brandDomain,
    String mailboxId, String threadId, List<String> cues, Instant detectedAt, Instant createdAt) {}
