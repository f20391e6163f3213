package dev.claraop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
    try (MongoStandIn second = MongoStandIn.onDisk(data, "127.0.0.1", 0);
         MongoClient client = MongoClients.create(second.connectionString())) {
      assertThat(client.getDatabase("claraop-test").getCollection("things").find(new Document("_id", "kept")).first())
          .isNotNull();
    }
  }

  @Test
  void the_google_stand_in_speaks_the_documented_oauth_and_gmail_json() throws Exception {
    try (GoogleStandIn google = GoogleStandIn.start("127.0.0.1", 0)) {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(google.baseUrl()
          + "/o/oauth2/v2/auth?response_type=code&client_id=c&redirect_uri=https%3A%2F%2Flocalhost%3A8443%2Fapi%2Finbox%2Foauth%2Fcallback"
          + "&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.readonly&code_challenge=x&code_challenge_method=S256"
          + "&access_type=offline&state=st%2B1")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(consent.statusCode()).isEqualTo(302);
      assertThat(consent.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
          .startsWith("https://localhost:8443/api/inbox/oauth/callback?code=standin-auth-code&state=st%2B1"));

      HttpResponse<String> wideScope = http.send(HttpRequest.newBuilder(URI.create(google.baseUrl()
          + "/o/oauth2/v2/auth?response_type=code&scope=https%3A%2F%2Fmail.google.com%2F&state=s")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(wideScope.statusCode()).isEqualTo(400);

      HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(google.baseUrl() + "/token"))
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=revoked")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(revoked.statusCode()).isEqualTo(400);
      assertThat(revoked.body()).contains("invalid_grant");

      HttpResponse<String> unauthenticated = http.send(HttpRequest.newBuilder(
          URI.create(google.baseUrl() + "/gmail/v1/users/me/messages")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unauthenticated.statusCode()).isEqualTo(401);

      HttpResponse<String> message = http.send(HttpRequest.newBuilder(
              URI.create(google.baseUrl() + "/gmail/v1/users/me/messages/msg-001?format=metadata"))
          .header("Authorization", "Bearer ya29.standin-access-token").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(message.statusCode()).isEqualTo(200);
      assertThat(message.body()).contains("Paid partnership proposal");
    }
  }
}
