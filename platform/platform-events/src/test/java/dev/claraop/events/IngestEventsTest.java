package dev.claraop.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claraop.events.ingest.CampaignDetected;
import dev.claraop.events.ingest.EmailScanned;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The ingest events are written exactly as their golden samples, and their schemas keep people's data out. */
class IngestEventsTest {

  private static final UUID SCANNED = UUID.fromString("e1a2b3c4-d5e6-4f70-8a91-b2c3d4e5f607");
  private static final List<String> CUES = List.of("subject.paid-work", "subject.paid", "subject.collaboration",
      "subject.offer-words", "sender.partnership-mailbox");
  private final EventCodec codec = new EventCodec();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void a_scanned_email_is_written_exactly_as_its_golden_sample() throws IOException {
    EventEnvelope envelope = codec.envelope(EventTypes.INGEST_EMAIL_SCANNED, SCANNED,
        Instant.parse("2026-11-23T09:00:02Z"), "demo", Actor.system("gmail-ingest-service"), "mb-4c1e", null, null,
        new EmailScanned("mb-4c1e", "18f0000000000001", "18f0000000000001", "lumen-skincare.com",
            Instant.parse("2026-10-01T08:00:00Z"), true, 10, CUES));
    assertThat(json.readTree(codec.write(envelope))).isEqualTo(json.readTree(sample(EventTypes.INGEST_EMAIL_SCANNED)));
  }

  @Test
  void a_detected_campaign_is_written_exactly_as_its_golden_sample() throws IOException {
    EventEnvelope envelope = codec.envelope(EventTypes.INGEST_CAMPAIGN_DETECTED,
        UUID.fromString("f2b3c4d5-e6f7-4a81-9ba2-c3d4e5f60718"), Instant.parse("2026-11-23T09:00:02Z"), "demo",
        Actor.system("gmail-ingest-service"), "mb-4c1e", null, SCANNED.toString(),
        new CampaignDetected("mb-4c1e", "18f0000000000001", "18f0000000000001", "lumen-skincare.com",
            "Lumen Skincare collaboration, Oct 2026", Instant.parse("2026-10-01T08:00:00Z"),
            "11111111-0000-4000-8000-000000000001", CUES));
    assertThat(json.readTree(codec.write(envelope)))
        .isEqualTo(json.readTree(sample(EventTypes.INGEST_CAMPAIGN_DETECTED)));
  }

  @Test
  void a_scanned_email_carries_a_domain_never_an_address_subject_or_token() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.INGEST_EMAIL_SCANNED)).data();
    data.put("senderDomain", "partners@lumen-skincare.com").put("subject", "Paid partnership for @cleo")
        .put("accessToken", "ya29.a0secret");
    ((ArrayNode) data.get("cues")).add("Maya Chen");
    assertThat(SchemaCheck.violations(EventTypes.INGEST_EMAIL_SCANNED, data)).containsExactlyInAnyOrder(
        "data.senderDomain does not match its pattern", "data.subject is not allowed", "data.accessToken is not allowed",
        "data.cues[5] does not match its pattern");
    data.remove("subject");
    data.remove("accessToken");
    data.putNull("senderDomain");
    ((ArrayNode) data.get("cues")).remove(5);
    assertThat(SchemaCheck.violations(EventTypes.INGEST_EMAIL_SCANNED, data)).as("no address in From").isEmpty();
  }

  @Test
  void a_detected_campaign_names_a_brand_domain_and_a_short_name() throws IOException {
    ObjectNode data = (ObjectNode) codec.read(sample(EventTypes.INGEST_CAMPAIGN_DETECTED)).data();
    data.put("brandDomain", "Maya Chen <maya@lumen.com>").put("suggestedName", "x".repeat(121));
    data.remove("connectedBy");
    assertThat(SchemaCheck.violations(EventTypes.INGEST_CAMPAIGN_DETECTED, data)).containsExactlyInAnyOrder(
        "data.brandDomain does not match its pattern", "data.suggestedName is too long", "data.connectedBy is missing");
  }

  private static String sample(EventType<?> type) throws IOException {
    String path = "/samples/" + type.name() + ".v" + type.schemaVersion() + ".json";
    try (InputStream in = IngestEventsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
