package dev.claraop.ingest.sync;

import dev.claraop.ingest.detection.BrandDealDetector;
import dev.claraop.ingest.detection.DealVerdict;
import dev.claraop.ingest.detection.SenderAddress;
import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.ingest.mailbox.MailboxRevoked;
import dev.claraop.ingest.mailbox.MailboxStatus;
import dev.claraop.ingest.mailbox.MailboxTokens;
import dev.claraop.ingest.mailbox.Mailboxes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One sync of one mailbox. The first is full (the profile's historyId first, so nothing that arrives during the
 * listing is missed; then every page of messages.list; metadata of each message not stored yet); later ones read
 * history.list from the kept historyId. A history Google no longer keeps (404) leads to exactly one full sync in
 * the same run: the full sync never reads history, so a 404 cannot loop.
 */
@Component
public class MailboxSync {

  public enum Outcome { FULL, INCREMENTAL, RESYNCED_FULL, REVOKED, FAILED }

  private static final Logger log = LoggerFactory.getLogger(MailboxSync.class);
  private final Mailboxes mailboxes;
  private final MailboxTokens tokens;
  private final GmailApi gmail;
  private final MongoTemplate mongo;
  private final Clock clock;
  private final BrandDealDetector detector = new BrandDealDetector();
  private final Map<Outcome, Counter> syncs = new EnumMap<>(Outcome.class);

  MailboxSync(Mailboxes mailboxes, MailboxTokens tokens, GmailApi gmail, MongoTemplate mongo, Clock clock,
      MeterRegistry meters) {
    this.mailboxes = mailboxes;
    this.tokens = tokens;
    this.gmail = gmail;
    this.mongo = mongo;
    this.clock = clock;
    for (Outcome outcome : Outcome.values()) {
      syncs.put(outcome, Counter.builder("claraop.ingest.syncs").tag("outcome", outcome.name())
          .description("Mailbox syncs, by outcome").register(meters));
    }
  }

  public Outcome sync(String mailboxId) {
    Outcome outcome = attempt(mailboxId);
    syncs.get(outcome).increment();
    return outcome;
  }

  private Outcome attempt(String mailboxId) {
    Optional<Mailbox> found = mailboxes.byId(mailboxId).filter(m -> m.status() == MailboxStatus.CONNECTED);
    if (found.isEmpty()) return Outcome.REVOKED;
    Mailbox mailbox = found.get();
    Outcome outcome;
    try {
      Access access = new Access(mailbox);
      if (mailbox.historyId() == null) {
        outcome = full(mailbox, access, Outcome.FULL);
      } else {
        try {
          outcome = incremental(mailbox, access);
        } catch (GoogleRefusal refusal) {
          if (refusal.kind() != GoogleRefusal.Kind.HISTORY_EXPIRED) throw refusal;
          log.info("mailbox {}: history {} expired at Google, one full sync", mailboxId, mailbox.historyId());
          outcome = full(mailbox, access, Outcome.RESYNCED_FULL);
        }
      }
    } catch (MailboxRevoked revoked) {
      log.info("mailbox {}: Google revoked the grant, mailbox marked REVOKED", mailboxId);
      return Outcome.REVOKED;
    } catch (GoogleRefusal refusal) {
      log.warn("mailbox {}: sync stopped, {}", mailboxId, refusal.getMessage());
      mailboxes.recordSync(mailboxId, null, clock.instant(), Outcome.FAILED.name());
      return Outcome.FAILED;
    }
    return outcome;
  }

  private Outcome full(Mailbox mailbox, Access access, Outcome outcome) {
    String historyId = access.call(token -> gmail.profileHistoryId(mailbox.id(), token));
    String pageToken = null;
    do {
      String page = pageToken;
      GmailApi.Page listed = access.call(token -> gmail.list(mailbox.id(), token, page));
      listed.messageIds().forEach(id -> scan(mailbox, access, id));
      pageToken = listed.nextPageToken();
    } while (pageToken != null);
    mailboxes.recordSync(mailbox.id(), historyId, clock.instant(), outcome.name());
    return outcome;
  }

  private Outcome incremental(Mailbox mailbox, Access access) {
    String pageToken = null;
    String historyId = mailbox.historyId();
    do {
      String page = pageToken;
      GmailApi.Page changes = access.call(token -> gmail.history(mailbox.id(), token, mailbox.historyId(), page));
      changes.messageIds().forEach(id -> scan(mailbox, access, id));
      if (changes.historyId() != null) historyId = changes.historyId();
      pageToken = changes.nextPageToken();
    } while (pageToken != null);
    mailboxes.recordSync(mailbox.id(), historyId, clock.instant(), Outcome.INCREMENTAL.name());
    return Outcome.INCREMENTAL;
  }

  private void scan(Mailbox mailbox, Access access, String messageId) {
    String id = mailbox.id() + ":" + messageId;
    if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), ScannedMessage.class)) {
      return; // idempotent by message id: no second metadata read, no second event
    }
    GmailApi.Metadata m = access.call(token -> gmail.metadata(mailbox.id(), token, messageId));
    // Judged and announced in the same insert: the events are stored with the message or not at all.
    DealVerdict verdict = detector.judge(m.from(), m.subject(), m.labelIds());
    Instant receivedAt = received(m);
    Instant now = clock.instant();
    try {
      mongo.insert(new ScannedMessage(id, mailbox.tenantId(), mailbox.id(), m.id(), m.threadId(), m.from(),
          senderDomain(m.from()), m.subject(), receivedAt, m.labelIds(), now, verdict.brandDeal(), verdict.score(),
          verdict.cueNames(), ScanEvents.of(mailbox, m, SenderAddress.parse(m.from()), receivedAt, verdict, now)));
    } catch (DuplicateKeyException concurrent) {
      // another run stored it first
    }
  }

  static String senderDomain(String from) {
    if (from == null) return null;
    int at = from.lastIndexOf('@');
    if (at < 0) return null;
    String domain = from.substring(at + 1).replaceAll("[>\\s].*$", "");
    return domain.toLowerCase(Locale.ROOT);
  }

  private static Instant received(GmailApi.Metadata m) {
    if (m.date() != null) {
      try {
        return ZonedDateTime.parse(m.date().replaceAll("\\s*\\(.*\\)$", ""), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (RuntimeException unparseable) {
        // Date headers are written by senders; Gmail's internalDate is the fallback
      }
    }
    return Instant.ofEpochMilli(m.internalDate());
  }

  /** The mailbox's access token for this run; a 401 from Gmail gets one refresh, and invalid_grant ends the run. */
  private final class Access {
    private final Mailbox mailbox;
    private String token;

    Access(Mailbox mailbox) {
      this.mailbox = mailbox;
      this.token = tokens.accessToken(mailbox);
    }

    <T> T call(java.util.function.Function<String, T> call) {
      try {
        return call.apply(token);
      } catch (GoogleRefusal refusal) {
        if (refusal.kind() != GoogleRefusal.Kind.UNAUTHENTICATED) throw refusal;
        token = tokens.refreshedAccessToken(mailbox);
        return call.apply(token);
      }
    }
  }
}
