package dev.claraop.events.ingest;

import java.time.Instant;
import java.util.List;

/**
 * {@code ingest.email.scanned} v1: gmail-ingest-service read one message's metadata (once per message: a message
 * synced again announces nothing) and judged whether it offers a brand deal. Metadata only, and not all of it: the
 * sender's domain but never the address or display name, and never the subject, which people write and which carries
 * names, handles and amounts. Never a token, never body text.
 *
 * @param senderDomain the From address's domain, lower case; null when the header names no address
 * @param receivedAt the Date header, or Gmail's internalDate when that cannot be read
 * @param brandDeal whether detection found a brand deal
 * @param score the sum of the fired cues' weights (a deal from {@code 3})
 * @param cues the names of the detection cues that fired, e.g. {@code subject.sponsorship}
 */
public record EmailScanned(String mailboxId, String messageId, String threadId, String senderDomain,
    Instant receivedAt, boolean brandDeal, int score, List<String> cues) {}
