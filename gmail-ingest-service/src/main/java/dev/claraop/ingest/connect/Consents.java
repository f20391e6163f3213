package dev.claraop.ingest.connect;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.claraop.ingest.google.GoogleOAuth;
import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.ingest.google.GoogleSettings;
import dev.claraop.ingest.google.GrantedTokens;
import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.ingest.mailbox.MailboxTokens;
import dev.claraop.ingest.mailbox.Mailboxes;
import dev.claraop.platform.security.ClaraPrincipal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Connecting a Gmail inbox: authorization code with PKCE. The state is random, single use (taken out of the store
 * atomically, so a replay finds nothing), bound to the user, tenant and verifier, and expires. The callback is
 * reached without a bearer token: the state is what authenticates it.
 */
@Component
class Consents {

  private static final Logger log = LoggerFactory.getLogger(Consents.class);
  private final MongoTemplate mongo;
  private final GoogleOAuth google;
  private final MailboxTokens tokens;
  private final Mailboxes mailboxes;
  private final InboxSettings settings;
  private final Clock clock;

  Consents(MongoTemplate mongo, GoogleOAuth google, MailboxTokens tokens, Mailboxes mailboxes, InboxSettings settings,
      Clock clock) {
    this.mongo = mongo;
    this.google = google;
    this.tokens = tokens;
    this.mailboxes = mailboxes;
    this.settings = settings;
    this.clock = clock;
  }

  URI start(ClaraPrincipal caller) {
    String state = Pkce.randomToken();
    String verifier = Pkce.randomToken();
    mongo.insert(new PendingConsent(Pkce.hash(state), caller.tenantId(), caller.userId(), verifier,
        clock.instant().plus(settings.consentLifetime())));
    return google.authorizationUrl(state, Pkce.s256(verifier));
  }

  /** The mailbox connected by this callback; anything else is refused and stores nothing. */
  Mailbox complete(String state, String code, String error) {
    PendingConsent consent = state == null || state.isBlank() ? null
        : mongo.findAndRemove(query(where("_id").is(Pkce.hash(state))), PendingConsent.class);
    if (consent == null) throw new ConsentRefused("Unknown or already used state: start the connection again.");
    if (clock.instant().isAfter(consent.expiresAt())) throw new ConsentRefused("The consent took too long: start again.");
    if (error != null) throw new ConsentRefused("Google reported '" + safe(error) + "': nothing was connected.");
    if (code == null || code.isBlank()) throw new ConsentRefused("The callback carries no authorization code.");

    GrantedTokens granted;
    try {
      granted = google.exchange(code, consent.codeVerifier());
    } catch (GoogleRefusal refusal) {
      throw new ConsentRefused("Google refused the authorization code: start the connection again.");
    }
    if (!granted.scopes().equals(Set.of(GoogleSettings.READONLY)) || granted.refreshToken() == null) {
      revokeAtOnce(granted);
      throw new ConsentRefused(granted.refreshToken() == null
          ? "Google granted no offline access: nothing was connected."
          : "Google granted more than read-only Gmail: the grant was revoked and nothing was connected.");
    }
    Mailbox mailbox = tokens.connect(UUID.randomUUID().toString(), consent.tenantId(), consent.userId(), granted);
    mailboxes.insert(mailbox);
    log.info("mailbox {} connected for tenant {} by {}", mailbox.id(), mailbox.tenantId(), mailbox.connectedBy());
    return mailbox;
  }

  URI appUri() {
    return settings.appUri();
  }

  private void revokeAtOnce(GrantedTokens granted) {
    try {
      google.revoke(granted.refreshToken() != null ? granted.refreshToken() : granted.accessToken());
    } catch (GoogleRefusal refusal) {
      log.warn("a refused grant could not be revoked at Google: {}", refusal.getMessage());
    }
  }

  /** Consents nobody finished: mongo-java-server has no TTL index, so they are removed here. */
  @Scheduled(fixedDelayString = "${claraop.inbox.consent-sweep:5m}")
  void forgetExpired() {
    mongo.remove(query(where("expiresAt").lt(Instant.now(clock))), PendingConsent.class);
  }

  private static String safe(String error) {
    return error.matches("[a-z_]{1,40}") ? error : "an error";
  }
}
