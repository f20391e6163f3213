package dev.claraop.devstack;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Google keeps behind its OAuth and Gmail endpoints, in memory: accounts with their mailboxes and history,
 * authorization codes bound to a PKCE challenge, the tokens issued, and faults a test or a person asked for.
 * Each account is made on first use with a seeded mailbox, so tests that use an address of their own share nothing.
 */
final class GoogleAccounts {

  static final String READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  static final String MODIFY = "https://www.googleapis.com/auth/gmail.modify";
  static final String DEMO_ACCOUNT = "demo@demo.claraop.dev";
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  static final int ACCESS_TOKEN_SECONDS = 3599;
  /** Google's per-user quota (REFERENCES.md): exceeding it in a minute answers 429 rateLimitExceeded. */
  static final int QUOTA_UNITS_PER_MINUTE = 15_000;
  /** {@code demo+m10000@…} is an account whose mailbox holds 10,000 seeded messages. */
  private static final Pattern SIZED = Pattern.compile("\\+m(\\d{1,6})@");

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> byAccessToken = new ConcurrentHashMap<>();
  private final Map<String, Grant> byRefreshToken = new ConcurrentHashMap<>();

  record Code(String account, String challenge, String redirectUri, String clientId, Instant expiresAt) {}

  /** One consent: a refresh token and the access tokens minted from it, revoked together. */
  static final class Grant {
    final Account account;
    final String scope;
    final String refreshToken;
    final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    volatile boolean revoked;

    Grant(Account account, String scope, String refreshToken) {
      this.account = account;
      this.scope = scope;
      this.refreshToken = refreshToken;
    }
  }

  record Message(String id, String threadId, long historyId, long internalDate, List<String> labelIds,
      String from, String subject, String date, String snippet) {}

  record Fault(int status, AtomicInteger remaining) {}

  static final class Account {
    final String email;
    final List<Message> messages = new ArrayList<>(); // oldest first
    long historyId = 1000;
    /** history.list from a start older than this answers 404, as when Google no longer keeps it. */
    long oldestKeptHistoryId = 0;
    final Map<String, Fault> faults = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final AtomicInteger units = new AtomicInteger();
    Instant minuteStart = Instant.EPOCH;
    int unitsThisMinute;

    Account(String email) {
      this.email = email;
    }

    synchronized Message deliver(MailboxSeed.Mail mail, long internalDate) {
      historyId++;
      String id = String.format("%016x", 0x18f0000000000000L + messages.size() + 1);
      Message message = new Message(id, mail.threadKey() == null ? id : "t" + mail.threadKey() + "-" + email.hashCode(),
          historyId, internalDate, List.of("INBOX", "UNREAD"), mail.from(), mail.subject(),
          MailboxSeed.rfc2822(internalDate), mail.snippet());
      messages.add(message);
      return message;
    }

    /** Counts a call against the per-minute quota; false when it would exceed it. */
    synchronized boolean spend(String endpoint, int cost, Instant now) {
      calls.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
      if (Duration.between(minuteStart, now).compareTo(Duration.ofMinutes(1)) >= 0) {
        minuteStart = now;
        unitsThisMinute = 0;
      }
      if (unitsThisMinute + cost > QUOTA_UNITS_PER_MINUTE) return false;
      unitsThisMinute += cost;
      units.addAndGet(cost);
      return true;
    }

    /** A fault asked for on this endpoint (or on every endpoint, {@code *}), used up one call at a time. */
    Optional<Integer> fault(String endpoint) {
      for (String key : List.of(endpoint, "*")) {
        Fault fault = faults.get(key);
        if (fault != null && fault.remaining().getAndDecrement() > 0) return Optional.of(fault.status());
      }
      return Optional.empty();
    }
  }

  Account account(String email) {
    return accounts.computeIfAbsent(email.toLowerCase(), GoogleAccounts::seeded);
  }

  Optional<Account> existing(String email) {
    return Optional.ofNullable(accounts.get(email.toLowerCase()));
  }

  private static Account seeded(String email) {
    Account account = new Account(email);
    Matcher sized = SIZED.matcher(email);
    int size = sized.find() ? Integer.parseInt(sized.group(1)) : MailboxSeed.DEMO.size();
    long start = Instant.parse("2026-10-01T08:00:00Z").toEpochMilli();
    for (int i = 0; i < size; i++) {
      account.deliver(MailboxSeed.DEMO.get(i % MailboxSeed.DEMO.size()), start + i * 3_600_000L);
    }
    return account;
  }

  String issueCode(String account, String challenge, String redirectUri, String clientId, Instant now) {
    String code = "4/0A" + token(24);
    codes.put(code, new Code(account, challenge, redirectUri, clientId, now.plus(CODE_LIFETIME)));
    return code;
  }

  /** A code is good once: taken out whether or not the rest of the exchange succeeds, as Google does. */
  Optional<Code> redeem(String code, Instant now) {
    Code found = code == null ? null : codes.remove(code);
    return found == null || now.isAfter(found.expiresAt()) ? Optional.empty() : Optional.of(found);
  }

  Grant grant(Account account, String scope) {
    Grant grant = new Grant(account, scope, "1//0g" + token(40));
    byRefreshToken.put(grant.refreshToken, grant);
    return grant;
  }

  String mintAccessToken(Grant grant, Instant now) {
    String access = "ya29.a0" + token(60);
    grant.accessTokens.put(access, now.plusSeconds(ACCESS_TOKEN_SECONDS));
    byAccessToken.put(access, grant);
    return access;
  }

  Optional<Grant> byRefreshToken(String token) {
    return Optional.ofNullable(token == null ? null : byRefreshToken.get(token)).filter(g -> !g.revoked);
  }

  Optional<Grant> byAccessToken(String token, Instant now) {
    Grant grant = token == null ? null : byAccessToken.get(token);
    if (grant == null || grant.revoked || now.isAfter(grant.accessTokens.getOrDefault(token, Instant.MIN))) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** Revoking either token of a grant revokes the grant (Google: revoking an access token revokes its refresh token). */
  boolean revoke(String token) {
    Grant grant = token == null ? null : byRefreshToken.getOrDefault(token, byAccessToken.get(token));
    if (grant == null) return false;
    grant.revoked = true;
    return true;
  }

  /** The user removed the app in their Google Account: every grant of theirs is revoked. */
  void revokeEverything(Account account) {
    byRefreshToken.values().stream().filter(g -> g.account == account).forEach(g -> g.revoked = true);
  }

  /** Every access token of the account expires now, so the next Gmail call needs a refresh. */
  void expireAccessTokens(Account account) {
    byRefreshToken.values().stream().filter(g -> g.account == account)
        .forEach(g -> g.accessTokens.replaceAll((t, at) -> Instant.EPOCH));
  }

  Map<String, Object> usage(Account account) {
    Map<String, Object> calls = new HashMap<>();
    account.calls.forEach((endpoint, count) -> calls.put(endpoint, count.get()));
    return Map.of("calls", calls, "units", account.units.get(), "messages", account.messages.size());
  }

  static boolean verifierMatches(String verifier, String challenge) {
    if (verifier == null || challenge == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) return false;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return MessageDigest.isEqual(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII), challenge.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String token(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
