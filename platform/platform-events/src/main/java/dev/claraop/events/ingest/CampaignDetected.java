package dev.claraop.events.ingest;

import java.time.Instant;
import java.util.List;

/**
 * {@code ingest.campaign.detected} v1: a scanned message offers a brand deal. payout-service makes one DRAFT campaign
 * per mailbox thread from it, however often the thread's messages are detected or the event delivered.
 *
 * @param brandDomain the sender's registered domain ({@code lumen-skincare.com}), the brand as far as metadata says
 * @param suggestedName made from the brand domain, the kind of offer and the month, never from the subject
 * @param connectedBy the user (Keycloak {@code sub}) who connected the mailbox
 * @param cues the names of the detection cues that fired
 */
public record CampaignDetected(String mailboxId, String messageId, String threadId, String brandDomain,
    String suggestedName, Instant receivedAt, String connectedBy, List<String> cues) {}
