package dev.claraop.payout;

import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.claraop.events.Topics;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * DESIGN §4: recognisable bank details go through a whole flow (profile, generation, approval by another ADMIN,
 * export) and then appear in no log line, no Kafka record and no stored document of payout-service, and only in
 * the bank file, once per line. Every collection is searched whole, ciphertext included: the values must not be
 * there in plaintext anywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlantedSecretsIT extends PayoutIntegrationTest {

  private static final String IBAN = "GB82WEST12345698765432";
  private static final String BIC = "WESTGB2L";
  private static final String ACCOUNT = "000111222333444";
  private static final String ROUTING = "021000021";
  private static final String TAX_ID = "PLANTED-TAX-9911";
  private static final List<String> PLANTED = List.of(IBAN, BIC, ACCOUNT, ROUTING, TAX_ID);

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;

  @Test
  void planted_bank_details_reach_only_the_bank_file(CapturedOutput output) throws Exception {
    BatchFlow batch = BatchFlow.generated(http, mongo, List.of(
        "{\"accountHolder\":\"Pia Planted\",\"country\":\"GB\",\"currency\":\"USD\",\"iban\":\"" + IBAN
            + "\",\"bic\":\"" + BIC + "\",\"taxId\":\"" + TAX_ID + "\"}",
        "{\"accountHolder\":\"Pete Planted\",\"country\":\"US\",\"currency\":\"USD\",\"accountNumber\":\"" + ACCOUNT
            + "\",\"routingCode\":\"" + ROUTING + "\"}"));
    // A refused write with planted values must not leak through its problem or the logs either.
    http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/payout-profiles/creator-0")
        .with(tenantUser("creator-0", batch.tenant(), Role.CREATOR)).contentType("application/json")
        .content("{\"accountHolder\":\"P\",\"country\":\"GB\",\"currency\":\"USD\",\"iban\":\"" + IBAN + "X\"}"));
    String views = http.perform(get(batch.path("")).with(batch.approver())).andReturn().getResponse().getContentAsString()
        + http.perform(get("/api/payout-profiles/creator-0").with(batch.approver())).andReturn().getResponse().getContentAsString();
    assertThat(batch.approve()).isEqualTo(204);
    MvcResult xml = batch.export("PAIN_001");
    MvcResult csv = batch.export("CSV");
    assertThat(xml.getResponse().getStatus()).isEqualTo(200);
    assertThat(csv.getResponse().getStatus()).isEqualTo(200);

    // Decryption works: each file holds each planted payment detail exactly once (one line each); the tax id,
    // which no transfer needs, is in neither.
    for (MvcResult file : List.of(xml, csv)) {
      String text = new String(file.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
      for (String value : List.of(IBAN, BIC, ACCOUNT, ROUTING)) assertThat(count(text, value)).as(value).isEqualTo(1);
      assertThat(text).doesNotContain(TAX_ID);
    }

    List<String> records = new ArrayList<>();
    KafkaRecords.read(Topics.PAYOUT, r -> r.value().contains(batch.tenant()), 50, Duration.ofSeconds(10))
        .stream().map(ConsumerRecord::value).forEach(records::add);
    KafkaRecords.read(Topics.PAYOUT + ".DLT", r -> true, 1, Duration.ofSeconds(2))
        .stream().map(ConsumerRecord::value).forEach(records::add);
    // profile x2, generated, approved, exported x2, decrypted x2
    assertThat(records).hasSizeGreaterThanOrEqualTo(8);

    List<String> stored = new ArrayList<>();
    for (String collection : mongo.getCollectionNames()) {
      mongo.getCollection(collection).find().forEach(d -> stored.add(collection + " " + d.toJson()));
    }
    assertThat(stored).anyMatch(d -> d.startsWith("domainevents") && d.contains(batch.batchId()));

    for (String value : PLANTED) {
      assertThat(output.getAll()).as("logs hold %s", value).doesNotContain(value);
      assertThat(records).as("Kafka records hold %s", value).noneMatch(r -> r.contains(value));
      assertThat(stored).as("Mongo holds %s", value).noneMatch(d -> d.contains(value));
      assertThat(views).as("API views hold %s", value).doesNotContain(value);
    }
  }

  private static int count(String text, String value) {
    int count = 0;
    for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) count++;
    return count;
  }

}
