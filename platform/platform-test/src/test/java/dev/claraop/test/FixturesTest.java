package dev.claraop.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each fixture serves what tests rely on, on whatever this machine resolved it to. */
class FixturesTest {

  @Test
  void kafka_is_a_real_broker_that_takes_and_returns_records() throws Exception {
    String topic = "fixture-check";
    try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
    }
    assertThat(KafkaRecords.read(topic, r -> "k".equals(r.key()), 1, Duration.ofSeconds(20)))
        .extracting(r -> r.value()).containsExactly("hello");
  }

  @Test
  void mongo_speaks_the_wire_protocol() {
    try (MongoClient client = MongoClients.create(MongoFixture.uri())) {
      client.getDatabase("fixture-check").getCollection("c").insertOne(new Document("_id", "x"));
      assertThat(client.getDatabase("fixture-check").getCollection("c").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void keycloak_issues_tokens_of_the_claraop_realm_with_tenant_roles_and_audience() {
    KeycloakFixture.Server keycloak = KeycloakFixture.server();
    JsonNode admin = claims(keycloak.accessToken("admin@demo.claraop.dev", "Demo-Password-1!"));
    assertThat(admin.get("iss").asString()).isEqualTo(keycloak.issuer());
    assertThat(admin.get("sub").asString()).isEqualTo("11111111-0000-4000-8000-000000000001");
    assertThat(admin.get("tenant_id").asString()).isEqualTo("demo");
    assertThat(admin.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(admin.get("aud").toString()).contains("claraop-api");

    JsonNode staff = claims(keycloak.accessToken("support@claraop.dev", "Demo-Password-1!"));
    assertThat(staff.has("tenant_id")).isFalse();
    assertThat(staff.get("roles").toString()).isEqualTo("[\"SUPPORT_ENGINEER\"]");
  }

  @Test
  void the_google_stand_in_answers_like_google() throws Exception {
    HttpResponse<String> revoke = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(GoogleFixture.baseUrl() + "/revoke?token=x"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(revoke.statusCode()).isEqualTo(200);
  }

  private static JsonNode claims(String token) {
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return JsonMapper.builder().build().readTree(payload);
  }
}
