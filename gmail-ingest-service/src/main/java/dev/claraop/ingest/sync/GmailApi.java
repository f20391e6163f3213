package dev.claraop.ingest.sync;

import dev.claraop.ingest.google.GoogleCalls;
import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.ingest.google.GoogleSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four Gmail methods sync needs, read-only: profile, messages.list, messages.get with format=metadata and only
 * the From, Subject and Date headers, history.list. Nothing here can ask for format=full or raw.
 */
@Component
class GmailApi {

  static final List<String> HEADERS = List.of("From", "Subject", "Date");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final RestClient http;
  private final GoogleCalls calls;

  GmailApi(GoogleSettings settings, GoogleCalls calls) {
    this.calls = calls;
    SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(5_000);
    timeouts.setReadTimeout(15_000);
    this.http = RestClient.builder().baseUrl(settings.gmailBaseUrl() + "/gmail/v1/users/me").requestFactory(timeouts).build();
  }

  record Page(List<String> messageIds, String nextPageToken, String historyId) {}

  record Metadata(String id, String threadId, String historyId, long internalDate, List<String> labelIds, String from,
      String subject, String date) {}

  String profileHistoryId(String mailboxId, String accessToken) {
    return call("profile", mailboxId, 1, accessToken, u -> u.path("/profile").build()).path("historyId").asString();
  }

  Page list(String mailboxId, String accessToken, String pageToken) {
    JsonNode page = call("messages.list", mailboxId, GoogleCalls.LIST_UNITS, accessToken, u -> {
      u.path("/messages").queryParam("maxResults", 500);
      if (pageToken != null) u.queryParam("pageToken", pageToken);
      return u.build();
    });
    List<String> ids = new ArrayList<>();
    page.path("messages").forEach(m -> ids.add(m.path("id").asString()));
    return new Page(ids, text(page, "nextPageToken"), null);
  }

  Metadata metadata(String mailboxId, String accessToken, String messageId) {
    JsonNode m = call("messages.get", mailboxId, GoogleCalls.GET_UNITS, accessToken, u -> u.path("/messages/{id}")
        .queryParam("format", "metadata").queryParam("metadataHeaders", HEADERS.toArray()).build(messageId));
    String from = null, subject = null, date = null;
    for (JsonNode header : m.path("payload").path("headers")) {
      String name = header.path("name").asString("");
      if (name.equalsIgnoreCase("From")) from = header.path("value").asString();
      if (name.equalsIgnoreCase("Subject")) subject = header.path("value").asString();
      if (name.equalsIgnoreCase("Date")) date = header.path("value").asString();
    }
    List<String> labels = new ArrayList<>();
    m.path("labelIds").forEach(l -> labels.add(l.asString()));
    // The snippet Gmail adds is body text: it is not read.
    return new Metadata(m.path("id").asString(), m.path("threadId").asString(), text(m, "historyId"),
        Long.parseLong(m.path("internalDate").asString("0")), labels, from, subject, date);
  }

  /** Message ids added since {@code startHistoryId}; a history Google no longer keeps is HISTORY_EXPIRED. */
  Page history(String mailboxId, String accessToken, String startHistoryId, String pageToken) {
    JsonNode page = call("history.list", mailboxId, GoogleCalls.HISTORY_UNITS, accessToken, u -> {
      u.path("/history").queryParam("startHistoryId", startHistoryId).queryParam("historyTypes", "messageAdded")
          .queryParam("maxResults", 500);
      if (pageToken != null) u.queryParam("pageToken", pageToken);
      return u.build();
    });
    List<String> ids = new ArrayList<>();
    page.path("history").forEach(h -> h.path("messagesAdded").forEach(a -> ids.add(a.path("message").path("id").asString())));
    return new Page(ids, text(page, "nextPageToken"), text(page, "historyId"));
  }

  private JsonNode call(String endpoint, String mailboxId, int units, String accessToken,
      java.util.function.Function<UriBuilder, java.net.URI> uri) {
    return calls.call(endpoint, mailboxId, units, () -> {
      try {
        return http.get().uri(uri).header("Authorization", "Bearer " + accessToken).exchange((request, response) -> {
          int status = response.getStatusCode().value();
          if (status == 200) return JSON.readTree(response.getBody());
          if (status == 401) throw new GoogleRefusal(GoogleRefusal.Kind.UNAUTHENTICATED, endpoint, status);
          if (status == 404 && endpoint.equals("history.list")) {
            throw new GoogleRefusal(GoogleRefusal.Kind.HISTORY_EXPIRED, endpoint, status);
          }
          if (status == 429 || status >= 500) throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, endpoint, status);
          throw new GoogleRefusal(GoogleRefusal.Kind.REFUSED, endpoint, status);
        });
      } catch (ResourceAccessException unreachable) {
        throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, endpoint, 0);
      }
    });
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asString() : null;
  }
}
