package dev.claraop.devstack;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.claraop.devstack.GoogleAccounts.Account;
import dev.claraop.devstack.GoogleAccounts.Grant;
import dev.claraop.devstack.GoogleAccounts.Message;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's OAuth 2 and Gmail API behaviour behind the stand-in's mappings (transformer {@value #NAME}): the
 * authorization endpoint consents at once as the account named by {@code login_hint} (the demo account when none)
 * and redirects back with a code bound to the PKCE challenge; the token endpoint checks the verifier (S256), the
 * redirect URI and the client; Gmail answers from the account's mailbox in Google's documented JSON and charges its
 * quota units (messages.list 5, messages.get 5, history.list 2, profile 1).
 *
 * <p>Errors on demand, per account, under {@code /standin/accounts/{email}/}: {@code faults?endpoint=&status=&times=}
 * (429, 5xx on an endpoint or {@code *}), {@code expire-history} (history.list 404 for every start before now),
 * {@code revoke-grant} (the user removed the app: refresh answers invalid_grant), {@code expire-access-tokens},
 * {@code messages?count=} (new mail), and {@code usage} (calls and quota units spent). An account whose address
 * starts with {@code wide-scope} is granted gmail.modify on top of what was asked.
 */
public final class GoogleBehaviour implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "google-behaviour";
  private static final String GMAIL = "/gmail/v1/users/me";
  private static final Pattern MESSAGE = Pattern.compile(GMAIL + "/messages/([A-Za-z0-9]+)");
  private static final Pattern STANDIN = Pattern.compile("/standin/accounts/([^/]+)/([a-z-]+)");
  private static final int MAX_PAGE = 500;

  private final GoogleAccounts accounts = new GoogleAccounts();
  private final Clock clock;

  public GoogleBehaviour(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String path = URI.create(request.getUrl()).getPath();
    Instant now = clock.instant();
    // The raw path: the account is decoded once below, so a '+' in it (demo+m10000@…) stays a '+'.
    Matcher standIn = STANDIN.matcher(URI.create(request.getUrl()).getRawPath());
    if (standIn.matches()) return standIn(URLDecoder.decode(standIn.group(1), StandardCharsets.UTF_8), standIn.group(2), request);
    return switch (path) {
      case "/o/oauth2/v2/auth" -> authorize(request, now);
      case "/token" -> token(form(request), now);
      case "/revoke" -> revoke(request);
      default -> path.startsWith(GMAIL + "/") ? gmail(path, request, now) : json(404, Map.of("error", "not found"));
    };
  }

  private ResponseDefinition authorize(Request request, Instant now) {
    Map<String, String> q = query(request);
    String redirect = q.get("redirect_uri");
    if (redirect == null || q.get("client_id") == null || !"code".equals(q.get("response_type"))
        || !GoogleAccounts.READONLY.equals(q.get("scope")) || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null || !"offline".equals(q.get("access_type"))) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withHeader("Content-Type", "text/html")
          .withBody("Error 400: invalid_request").build();
    }
    String account = Optional.ofNullable(q.get("login_hint")).orElse(GoogleAccounts.DEMO_ACCOUNT);
    if (account.startsWith("denies")) {
      return redirect(redirect + "?error=access_denied&state=" + encode(q.get("state")));
    }
    accounts.account(account);
    String code = accounts.issueCode(account, q.get("code_challenge"), redirect, q.get("client_id"), now);
    return redirect(redirect + "?state=" + encode(q.get("state")) + "&code=" + encode(code) + "&scope="
        + encode(GoogleAccounts.READONLY));
  }

  private ResponseDefinition token(Map<String, String> form, Instant now) {
    if ("authorization_code".equals(form.get("grant_type"))) {
      Optional<GoogleAccounts.Code> code = accounts.redeem(form.get("code"), now);
      if (code.isEmpty()) return tokenError("invalid_grant", "Malformed auth code.");
      if (!code.get().redirectUri().equals(form.get("redirect_uri"))) return tokenError("redirect_uri_mismatch", "Bad Request");
      if (!code.get().clientId().equals(form.get("client_id"))) return tokenError("invalid_client", "Unauthorized");
      if (!GoogleAccounts.verifierMatches(form.get("code_verifier"), code.get().challenge())) {
        return tokenError("invalid_grant", "Invalid code verifier.");
      }
      Account account = accounts.account(code.get().account());
      String scope = account.email.startsWith("wide-scope")
          ? GoogleAccounts.READONLY + " " + GoogleAccounts.MODIFY : GoogleAccounts.READONLY;
      Grant grant = accounts.grant(account, scope);
      Map<String, Object> body = new LinkedHashMap<>(accessToken(grant, now));
      body.put("refresh_token", grant.refreshToken);
      return json(200, body);
    }
    if ("refresh_token".equals(form.get("grant_type"))) {
      return accounts.byRefreshToken(form.get("refresh_token"))
          .map(grant -> json(200, accessToken(grant, now)))
          .orElseGet(() -> tokenError("invalid_grant", "Token has been expired or revoked."));
    }
    return tokenError("unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
  }

  private Map<String, Object> accessToken(Grant grant, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", accounts.mintAccessToken(grant, now));
    body.put("expires_in", GoogleAccounts.ACCESS_TOKEN_SECONDS);
    body.put("scope", grant.scope);
    body.put("token_type", "Bearer");
    return body;
  }

  private ResponseDefinition revoke(Request request) {
    String token = Optional.ofNullable(query(request).get("token")).orElse(form(request).get("token"));
    accounts.revoke(token);
    // Google answers 400 invalid_token for a token it does not know; the stand-in is lenient, callers revoke blindly.
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200).build();
  }

  private ResponseDefinition gmail(String path, Request request, Instant now) {
    String bearer = Optional.ofNullable(request.getHeader("Authorization")).filter(h -> h.startsWith("Bearer "))
        .map(h -> h.substring(7)).orElse(null);
    Optional<Grant> grant = accounts.byAccessToken(bearer, now);
    if (grant.isEmpty()) {
      return googleError(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED", "authError");
    }
    Account account = grant.get().account;
    Matcher message = MESSAGE.matcher(path);
    String endpoint = message.matches() ? "messages.get" : switch (path) {
      case GMAIL + "/messages" -> "messages.list";
      case GMAIL + "/history" -> "history.list";
      case GMAIL + "/profile" -> "profile";
      default -> "unknown";
    };
    int cost = switch (endpoint) {
      case "messages.list", "messages.get" -> 5;
      case "history.list" -> 2;
      default -> 1;
    };
    if (!account.spend(endpoint, cost, now)) {
      return googleError(429, "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'.",
          "RESOURCE_EXHAUSTED", "rateLimitExceeded");
    }
    Optional<Integer> fault = account.fault(endpoint);
    if (fault.isPresent()) {
      return fault.get() == 429
          ? googleError(429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED", "rateLimitExceeded")
          : googleError(fault.get(), "Backend Error", "UNAVAILABLE", "backendError");
    }
    synchronized (account) {
      return switch (endpoint) {
        case "messages.list" -> list(account, request);
        case "messages.get" -> get(account, message.group(1), request);
        case "history.list" -> history(account, request);
        case "profile" -> json(200, Map.of("emailAddress", account.email, "messagesTotal", account.messages.size(),
            "threadsTotal", account.messages.size(), "historyId", String.valueOf(account.historyId)));
        default -> googleError(404, "Not Found", "NOT_FOUND", "notFound");
      };
    }
  }

  /** Newest first, as Gmail lists; the page token is the offset. */
  private ResponseDefinition list(Account account, Request request) {
    Map<String, String> q = query(request);
    int size = Math.min(MAX_PAGE, Integer.parseInt(q.getOrDefault("maxResults", "100")));
    int from = Integer.parseInt(q.getOrDefault("pageToken", "0"));
    List<Message> newestFirst = new ArrayList<>(account.messages).reversed();
    List<Map<String, Object>> page = newestFirst.stream().skip(from).limit(size)
        .map(m -> Map.<String, Object>of("id", m.id(), "threadId", m.threadId())).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    if (!page.isEmpty()) body.put("messages", page);
    if (from + size < newestFirst.size()) body.put("nextPageToken", String.valueOf(from + size));
    body.put("resultSizeEstimate", newestFirst.size());
    return json(200, body);
  }

  private ResponseDefinition get(Account account, String id, Request request) {
    Optional<Message> found = account.messages.stream().filter(m -> m.id().equals(id)).findFirst();
    if (found.isEmpty()) return googleError(404, "Requested entity was not found.", "NOT_FOUND", "notFound");
    Message m = found.get();
    String format = query(request).getOrDefault("format", "full");
    QueryParameter asked = request.queryParameter("metadataHeaders");
    List<String> wanted = asked.isPresent() ? asked.values() : List.of("From", "Subject", "Date", "To", "Message-ID");
    List<Map<String, String>> headers = new ArrayList<>();
    Map<String, String> all = Map.of("From", m.from(), "Subject", m.subject(), "Date", m.date(),
        "To", "agency@demo.claraop.dev", "Message-ID", "<" + m.id() + "@mail.example>");
    all.forEach((name, value) -> {
      if (!"metadata".equals(format) || wanted.stream().anyMatch(name::equalsIgnoreCase)) {
        headers.add(Map.of("name", name, "value", value));
      }
    });
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("mimeType", "text/plain");
    payload.put("headers", headers);
    if (!"metadata".equals(format) && !"minimal".equals(format)) {
      payload.put("body", Map.of("size", m.snippet().length(), "data",
          java.util.Base64.getUrlEncoder().encodeToString(m.snippet().getBytes(StandardCharsets.UTF_8))));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", m.id());
    body.put("threadId", m.threadId());
    body.put("labelIds", m.labelIds());
    body.put("snippet", m.snippet());
    body.put("historyId", String.valueOf(m.historyId()));
    body.put("internalDate", String.valueOf(m.internalDate()));
    body.put("sizeEstimate", 1024 + m.snippet().length());
    if (!"minimal".equals(format)) body.put("payload", payload);
    return json(200, body);
  }

  private ResponseDefinition history(Account account, Request request) {
    Map<String, String> q = query(request);
    String start = q.get("startHistoryId");
    if (start == null) return googleError(400, "Missing startHistoryId", "INVALID_ARGUMENT", "invalidArgument");
    long startId = Long.parseLong(start);
    if (startId < account.oldestKeptHistoryId || startId > account.historyId) {
      return googleError(404, "Requested entity was not found.", "NOT_FOUND", "notFound");
    }
    int size = Math.min(MAX_PAGE, Integer.parseInt(q.getOrDefault("maxResults", "100")));
    int from = Integer.parseInt(q.getOrDefault("pageToken", "0"));
    List<Message> added = account.messages.stream().filter(m -> m.historyId() > startId).toList();
    List<Map<String, Object>> page = added.stream().skip(from).limit(size).map(m -> {
      Map<String, Object> ref = Map.of("id", m.id(), "threadId", m.threadId(), "labelIds", m.labelIds());
      return Map.<String, Object>of("id", String.valueOf(m.historyId()), "messages", List.of(Map.of("id", m.id(),
          "threadId", m.threadId())), "messagesAdded", List.of(Map.of("message", ref)));
    }).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    if (!page.isEmpty()) body.put("history", page);
    if (from + size < added.size()) body.put("nextPageToken", String.valueOf(from + size));
    body.put("historyId", String.valueOf(account.historyId));
    return json(200, body);
  }

  private ResponseDefinition standIn(String email, String action, Request request) {
    Map<String, String> q = new HashMap<>(query(request));
    q.putAll(form(request));
    if (action.equals("usage")) {
      return accounts.existing(email).map(a -> json(200, accounts.usage(a))).orElseGet(() -> json(404, Map.of()));
    }
    Account account = accounts.account(email);
    switch (action) {
      case "faults" -> account.faults.put(q.getOrDefault("endpoint", "*"), new GoogleAccounts.Fault(
          Integer.parseInt(q.getOrDefault("status", "429")), new AtomicInteger(Integer.parseInt(q.getOrDefault("times", "1")))));
      case "expire-history" -> {
        synchronized (account) {
          account.oldestKeptHistoryId = account.historyId + 1;
        }
      }
      case "revoke-grant" -> accounts.revokeEverything(account);
      case "expire-access-tokens" -> accounts.expireAccessTokens(account);
      case "messages" -> {
        int count = Integer.parseInt(q.getOrDefault("count", "1"));
        synchronized (account) {
          long at = account.messages.isEmpty() ? clock.millis() : account.messages.getLast().internalDate() + 60_000;
          for (int i = 0; i < count; i++) {
            account.deliver(MailboxSeed.DEMO.get((account.messages.size() + i) % MailboxSeed.DEMO.size()), at + i * 60_000L);
          }
        }
      }
      default -> {
        return json(404, Map.of("error", "unknown stand-in action " + action));
      }
    }
    return json(200, accounts.usage(account));
  }

  private static ResponseDefinition redirect(String location) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(302).withHeader("Location", location).build();
  }

  private static ResponseDefinition tokenError(String error, String description) {
    return json(400, Map.of("error", error, "error_description", description));
  }

  /** Google's JSON error document for its REST APIs. */
  private static ResponseDefinition googleError(int status, String message, String statusName, String reason) {
    return json(status, Map.of("error", Map.of("code", status, "message", message, "status", statusName,
        "errors", List.of(Map.of("message", message, "domain", "global", "reason", reason)))));
  }

  private static ResponseDefinition json(int status, Object body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(compact(body)).build();
  }

  private static String compact(Object body) {
    try {
      return Json.getObjectMapper().writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException("unwritable stand-in response", e);
    }
  }

  private static Map<String, String> query(Request request) {
    String raw = URI.create(request.getUrl()).getRawQuery();
    return raw == null ? Map.of() : pairs(raw);
  }

  private static Map<String, String> form(Request request) {
    String body = request.getBodyAsString();
    return body == null || body.isBlank() || body.startsWith("{") ? Map.of() : pairs(body);
  }

  private static Map<String, String> pairs(String encoded) {
    Map<String, String> values = new HashMap<>();
    Arrays.stream(encoded.split("&")).filter(p -> !p.isEmpty()).forEach(p -> {
      int eq = p.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
      values.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
    });
    return values;
  }

  private static String encode(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
