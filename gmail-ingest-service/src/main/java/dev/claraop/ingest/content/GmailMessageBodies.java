package dev.claraop.ingest.content;

import dev.claraop.ingest.google.GoogleCalls;
import dev.claraop.ingest.google.GoogleRefusal;
import dev.claraop.ingest.google.GoogleSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one call in ClaraOP that asks Gmail for a message body: messages.get with {@code format=full}, for one message,
 * on demand. Sync never comes here (it reads metadata only); the body is handed back and kept nowhere.
 */
@Component
class GmailMessageBodies {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final RestClient http;
  private final GoogleCalls calls;

  GmailMessageBodies(GoogleSettings settings, GoogleCalls calls) {
    this.calls = calls;
    SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(5_000);
    timeouts.setReadTimeout(15_000);
    this.http = RestClient.builder().baseUrl(settings.gmailBaseUrl() + "/gmail/v1/users/me").requestFactory(timeouts).build();
  }

  /** The message's text, or empty when Gmail has no such message in this mailbox. */
  Optional<MessageContent> fetch(String mailboxId, String accessToken, String messageId) {
    JsonNode message = calls.call("messages.get", mailboxId, GoogleCalls.GET_UNITS, () -> {
      try {
        return http.get().uri(u -> u.path("/messages/{id}").queryParam("format", "full").build(messageId))
            .header("Authorization", "Bearer " + accessToken).exchange((request, response) -> {
              int status = response.getStatusCode().value();
              if (status == 200) return JSON.readTree(response.getBody());
              if (status == 404) return null;
              if (status == 401) throw new GoogleRefusal(GoogleRefusal.Kind.UNAUTHENTICATED, "messages.get", status);
              if (status == 429 || status >= 500) throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, "messages.get", status);
              throw new GoogleRefusal(GoogleRefusal.Kind.REFUSED, "messages.get", status);
            });
      } catch (ResourceAccessException unreachable) {
        throw new GoogleRefusal(GoogleRefusal.Kind.TRANSIENT, "messages.get", 0);
      }
    });
    if (message == null) return Optional.empty();
    JsonNode payload = message.path("payload");
    Optional<JsonNode> part = textPart(payload, "text/plain").or(() -> textPart(payload, "text/html"));
    String mimeType = part.map(p -> p.path("mimeType").asString()).orElse(null);
    String body = part.map(p -> decode(p.path("body").path("data").asString(""))).orElse("");
    return Optional.of(new MessageContent(mailboxId, message.path("id").asString(messageId), mimeType, body));
  }

  /** The first part of {@code mimeType} with inline data, depth first, as Gmail nests multipart messages. */
  static Optional<JsonNode> textPart(JsonNode part, String mimeType) {
    if (part.path("mimeType").asString("").startsWith(mimeType) && part.path("body").hasNonNull("data")) {
      return Optional.of(part);
    }
    for (JsonNode child : part.path("parts")) {
      Optional<JsonNode> found = textPart(child, mimeType);
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  /** Gmail encodes part data as base64url, with or without padding. */
  static String decode(String data) {
    return new String(Base64.getUrlDecoder().decode(data.replace("=", "")), StandardCharsets.UTF_8);
  }
}
