package dev.claraop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.util.Base64;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class StandInsTest {

  @Test
  void the_mongo_stand_in_keeps_its_data_across_a_restart() throws Exception {
    Path data = Files.createTempDirectory("mongo-standin");
    try (MongoStandIn first = MongoStandIn.onDisk(data, "127.0.0.1", 0);
         MongoClient client = MongoClients.create(first.connectionString())) {
      client.getDatabase("claraop-test").getCollection("things").insertOne(new Document("_id", "kept"));
    }
    try (MongoStandIn second = MongoStandIn.onDisk(data, "127.0.0.1", 0, 64); // as ./claraop opens it, cache set
         MongoClient client = MongoClients.create(second.connectionString())) {
      assertThat(client.getDatabase("claraop-test").getCollection("things").find(new Document("_id", "kept")).first())
          .isNotNull();
    }
  }

  private static final String CALLBACK = "https://localhost:8443/api/inbox/oauth/callback";
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void the_google_stand_in_consents_with_pkce_and_serves_the_seeded_mailbox_as_gmail_does() throws Exception {
    try (GoogleStandIn google = GoogleStandIn.start("127.0.0.1", 0)) {
      String verifier = "v".repeat(43);
      String code = authorize(google, "alice@demo.claraop.dev", challenge(verifier));

      assertThat(send(google, "/token", "grant_type=authorization_code&client_id=claraop&redirect_uri="
          + enc(CALLBACK) + "&code=" + enc(code) + "&code_verifier=" + "w".repeat(43)).body())
          .as("a wrong verifier").contains("invalid_grant");
      String otherCode = authorize(google, "alice@demo.claraop.dev", challenge(verifier));
      HttpResponse<String> tokens = send(google, "/token", "grant_type=authorization_code&client_id=claraop&redirect_uri="
          + enc(CALLBACK) + "&code=" + enc(otherCode) + "&code_verifier=" + verifier);
      assertThat(tokens.statusCode()).isEqualTo(200);
      assertThat(tokens.body()).contains("\"scope\":\"https://www.googleapis.com/auth/gmail.readonly\"", "refresh_token");
      assertThat(send(google, "/token", "grant_type=authorization_code&client_id=claraop&redirect_uri="
          + enc(CALLBACK) + "&code=" + enc(otherCode) + "&code_verifier=" + verifier).body())
          .as("a code is used once").contains("invalid_grant");
      String access = field(tokens.body(), "access_token");
      String refresh = field(tokens.body(), "refresh_token");

      HttpResponse<String> page = gmail(google, access, "/messages?maxResults=20");
      assertThat(page.body()).contains("\"nextPageToken\":\"20\"", "\"resultSizeEstimate\":50");
      String newest = page.body().replaceAll("(?s).*?\"id\":\"([0-9a-f]+)\".*", "$1");
      HttpResponse<String> message = gmail(google, access, "/messages/" + newest
          + "?format=metadata&metadataHeaders=From&metadataHeaders=Subject&metadataHeaders=Date");
      assertThat(message.body()).contains("\"name\":\"Subject\"").doesNotContain("\"name\":\"To\"", "\"body\"");
      assertThat(gmail(google, access, "/history?startHistoryId=1040").body()).contains("messagesAdded");

      send(google, "/standin/accounts/alice@demo.claraop.dev/faults", "endpoint=messages.get&status=429&times=2");
      assertThat(gmail(google, access, "/messages/" + newest).statusCode()).isEqualTo(429);
      assertThat(gmail(google, access, "/messages/" + newest).statusCode()).isEqualTo(429);
      assertThat(gmail(google, access, "/messages/" + newest).statusCode()).isEqualTo(200);

      send(google, "/standin/accounts/alice@demo.claraop.dev/expire-history", "");
      assertThat(gmail(google, access, "/history?startHistoryId=1040").statusCode()).isEqualTo(404);

      assertThat(send(google, "/revoke", "token=" + enc(access)).statusCode()).isEqualTo(200);
      assertThat(gmail(google, access, "/messages").statusCode()).isEqualTo(401);
      assertThat(send(google, "/token", "grant_type=refresh_token&client_id=claraop&refresh_token=" + enc(refresh)).body())
          .as("revoking the access token revoked its refresh token").contains("invalid_grant");
    }
  }

  @Test
  void the_google_stand_in_refuses_any_scope_but_read_only_gmail_and_any_request_without_pkce() throws Exception {
    try (GoogleStandIn google = GoogleStandIn.start("127.0.0.1", 0)) {
      HttpResponse<String> wideScope = http.send(HttpRequest.newBuilder(URI.create(google.baseUrl()
          + "/o/oauth2/v2/auth?response_type=code&client_id=c&redirect_uri=x&scope=https%3A%2F%2Fmail.google.com%2F"
          + "&code_challenge=x&code_challenge_method=S256&access_type=offline&state=s")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(wideScope.statusCode()).isEqualTo(400);
      HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(google.baseUrl()
          + "/o/oauth2/v2/auth?response_type=code&client_id=c&redirect_uri=x&scope=" + enc(READONLY)
          + "&code_challenge=x&code_challenge_method=plain&access_type=offline&state=s")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(plain.statusCode()).isEqualTo(400);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(google.baseUrl() + "/gmail/v1/users/me/messages")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
  }

  private static final String READONLY = "https://www.googleapis.com/auth/gmail.readonly";

  private String authorize(GoogleStandIn google, String account, String challenge) throws Exception {
    HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(google.baseUrl()
        + "/o/oauth2/v2/auth?response_type=code&client_id=claraop&redirect_uri=" + enc(CALLBACK) + "&scope=" + enc(READONLY)
        + "&code_challenge=" + challenge + "&code_challenge_method=S256&access_type=offline&prompt=consent&state=st%2B1"
        + "&login_hint=" + enc(account))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(consent.statusCode()).isEqualTo(302);
    String location = consent.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(CALLBACK + "?state=st%2B1&code=");
    return java.net.URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(GoogleStandIn google, String path, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(google.baseUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> gmail(GoogleStandIn google, String access, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(google.baseUrl() + "/gmail/v1/users/me" + path))
        .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String field(String json, String name) {
    return json.replaceAll("(?s).*\"" + name + "\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
