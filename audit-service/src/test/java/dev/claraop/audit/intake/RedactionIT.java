package dev.claraop.audit.intake;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.claraop.audit.AuditIntegrationTest;
import dev.claraop.audit.entry.AuditEntry;
import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventType;
import dev.claraop.events.EventTypes;
import dev.claraop.platform.security.Role;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/**
 * For every event type platform-events declares: its golden sample, with P0 and P1 values planted beside
 * its fields, becomes an entry that holds none of them (neither in Mongo nor through the API).
 */
class RedactionIT extends AuditIntegrationTest {

  private static final String IBAN = "DE89370400440532013000";
  private static final String ACCOUNT = "000123456789";
  private static final String REFRESH_TOKEN = "1//planted-refresh-token-0b7f";

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MongoTemplate mongo;
  @Autowired MockMvc http;
  private final EventCodec codec = new EventCodec();

  @Test
  void no_event_type_carries_a_planted_secret_into_the_audit_log() throws Exception {
    for (EventType<?> type : EventTypes.all()) {
      EventEnvelope sample = codec.read(sample(type));
      String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
      ObjectNode data = ((ObjectNode) sample.data()).put("iban", IBAN).put("accountNumber", ACCOUNT)
          .put("refreshToken", REFRESH_TOKEN);
      EventEnvelope planted = new EventEnvelope(UUID.randomUUID(), sample.type(), sample.schemaVersion(),
          sample.occurredAt(), tenant, sample.actor(), sample.subjectId(), sample.correlationId(), sample.causationId(), data);
      kafka.send(type.topic(), planted.subjectId(), codec.write(planted)).get();

      Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> mongo.exists(query(where("_id").is(planted.eventId().toString())), AuditEntry.class));
      String stored = mongo.getCollection("audit_entries").find(new org.bson.Document("_id", planted.eventId().toString()))
          .first().toJson();
      String api = http.perform(get("/api/audit/entries").with(tenantUser("a", tenant, Role.ADMIN)))
          .andReturn().getResponse().getContentAsString();
      for (String secret : new String[] {IBAN, ACCOUNT, REFRESH_TOKEN}) {
        assertThat(stored).as("%s entry in Mongo", type.name()).doesNotContain(secret);
        assertThat(api).as("%s entry through the API", type.name()).doesNotContain(secret);
      }
      assertThat(api).contains(planted.eventId().toString());
    }
  }

  private static String sample(EventType<?> type) throws Exception {
    String path = "/samples/" + type.name() + ".v" + type.schemaVersion() + ".json";
    try (InputStream in = RedactionIT.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
