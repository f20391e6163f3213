package dev.claraop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's planted secret, across the whole running suite: a recognisable account number goes in through the
 * gateway as a creator's bank details, a batch pays it, the bank file carries it (the one place it is decrypted),
 * and then it is found in no service's log, no record of any Kafka topic, no audit entry and no Mongo collection
 * of any service.
 */
class PlantedSecretsE2ETest {

  private static final String PLANTED = "4519273468" + (100 + (int) (Math.random() * 800));

  @Test
  void a_planted_account_number_is_only_ever_in_the_bank_file() throws Exception {
    Suite suite = Suite.get();
    Api api = new Api(suite);
    Seeds seeds = new Seeds(suite, api);
    String tenant = "planted-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = api.token(seeds.tenantAdmin(tenant));
    String approverName = "approver@" + tenant + ".e2e.claraop.dev";
    seeds.tenantUser(tenant, approverName, "ADMIN");
    String creator = seeds.invitedCreator(admin);
    HttpRequest profile = HttpRequest.newBuilder(URI.create(suite.gateway + "/api/payout-profiles/" + creator))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("""
            {"accountHolder":"Pat Planted","country":"US","currency":"USD","accountNumber":"%s","routingCode":"011000015"}"""
            .formatted(PLANTED))).build();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.send(profile).status() == 200);
    seeds.approvedInvoice(tenant, creator, "Pat Planted", "42.00");

    Api.Response batch = api.post("/api/batches", admin, "{\"currency\":\"USD\"}");
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    String batchId = batch.json().get("id").asString();
    String line = batch.json().get("lines").get(0).get("id").asString();
    assertThat(api.post("/api/batches/" + batchId + "/approve", api.token(approverName), "{}").status()).isEqualTo(204);
    Api.Response file = api.post("/api/batches/" + batchId + "/export", admin,
        "{\"purpose\":\"planted secret check\",\"format\":\"CSV\"}");
    assertThat(file.body()).as("the bank file is where it belongs").contains(PLANTED);
    assertThat(api.post("/api/batches/" + batchId + "/lines/" + line + "/paid", admin, "{}").status()).isEqualTo(204);
    // Everything the flow caused has reached audit (the batch's closing is the last event).
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
        api.get("/api/audit/entries?resource=" + batchId, admin).body().contains("payout.batch.closed"));

    assertThat(api.get("/api/audit/entries", admin).body()).as("audit entries").doesNotContain(PLANTED);
    for (Path log : logs(suite)) {
      assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).as("log " + log.getFileName()).doesNotContain(PLANTED);
    }
    for (String record : everyKafkaRecord(suite)) assertThat(record).as("a Kafka record").doesNotContain(PLANTED);
    try (MongoClient mongo = MongoClients.create(suite.mongo)) {
      for (String name : mongo.listDatabaseNames()) {
        MongoDatabase database = mongo.getDatabase(name);
        for (String collection : database.listCollectionNames()) {
          for (Document document : database.getCollection(collection).find()) {
            assertThat(document.toJson()).as(name + "." + collection).doesNotContain(PLANTED);
          }
        }
      }
    }
  }

  private static List<Path> logs(Suite suite) throws IOException {
    try (Stream<Path> files = Files.list(suite.logs)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log")).toList();
    }
  }

  /** Every record of every topic, from the beginning, keys, values and headers, as text. */
  private static List<String> everyKafkaRecord(Suite suite) throws Exception {
    Set<String> topics;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka))) {
      topics = admin.listTopics().names().get();
    }
    List<String> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka,
        ConsumerConfig.GROUP_ID_CONFIG, "planted-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
      consumer.subscribe(topics);
      Instant quiet = Instant.now().plusSeconds(8);
      while (Instant.now().isBefore(quiet)) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          StringBuilder text = new StringBuilder(record.topic()).append(' ').append(record.key()).append(' ').append(record.value());
          for (Header header : record.headers()) text.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
          records.add(text.toString());
          quiet = Instant.now().plusSeconds(3); // read until the topics have been quiet for a while
        }
      }
    }
    assertThat(records).as("the suite's topics hold the flow's events").anyMatch(r -> r.contains("payout.batch.closed"));
    return records;
  }
}
