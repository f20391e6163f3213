package dev.claraop.access.erasure;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.access.AccessIntegrationTest;
import dev.claraop.events.Actor;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.erasure.ErasureRequested;
import dev.claraop.events.erasure.ErasureServices;
import dev.claraop.platform.security.Role;
import dev.claraop.test.ErasureProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account erasure (DESIGN §6.6) as retention asks for it on {@code retention.events}: the grants a tenant ADMIN
 * decided on or revoked stay, naming "erased-user" instead of them; {@code access.user-data.erased} confirms with the
 * counts; another ADMIN's decisions are untouched, a second request confirms zeros, and a request naming other
 * services changes nothing.
 */
class AccountErasureIT extends AccessIntegrationTest {

  private final ErasureProtocol erasure = new ErasureProtocol(ErasureServices.ACCESS);
  private final JsonMapper json = JsonMapper.builder().build();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "t-" + suffix;
  private final String erased = "admin-erased-" + suffix;
  private final String kept = "admin-kept-" + suffix;
  private final String engineer = "eng-" + suffix;
  private final RequestPostProcessor erasedAdmin = tenantUser(erased, tenant, Role.ADMIN);
  private final RequestPostProcessor keptAdmin = tenantUser(kept, tenant, Role.ADMIN);
  private final RequestPostProcessor engineerCall = staff(engineer, Role.SUPPORT_ENGINEER);
  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;

  @Test
  void an_erasure_replaces_the_admins_id_on_the_grants_they_decided_confirms_and_leaves_another_admin_alone()
      throws Exception {
    String consented = request();
    http.perform(post("/api/support-access/requests/" + consented + "/approve").with(erasedAdmin))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    http.perform(post("/api/support-access/grants/" + consented + "/revoke").with(erasedAdmin))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ENDED"));
    String denied = request();
    http.perform(post("/api/support-access/requests/" + denied + "/deny").with(erasedAdmin)
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Not during the quarter close\"}"))
        .andExpect(status().isOk());
    String othersGrant = request();
    http.perform(post("/api/support-access/requests/" + othersGrant + "/approve").with(keptAdmin))
        .andExpect(status().isOk());
    awaitOutboxDrained("grants");
    assertThat(everything()).as("the user is in the database before").contains(erased);

    String erasureId = "er-" + suffix;
    EventEnvelope request = erasure.request(tenant, new ErasureRequested(erasureId, erased, 1, ErasureServices.ALL));

    EventEnvelope confirmation = erasure.confirmation(request);
    assertThat(erasure.erased(confirmation).removed())
        .isEqualTo(Map.of("approvals", 2, "requests", 0, "endings", 1));
    assertThat(confirmation.tenantId()).isEqualTo(tenant);
    assertThat(confirmation.subjectId()).isEqualTo(erased);
    assertThat(confirmation.actor()).isEqualTo(Actor.system("support-access-service"));
    assertThat(confirmation.correlationId()).isEqualTo(request.correlationId());
    assertThat(SchemaCheck.violations(EventTypes.ACCESS_USER_DATA_ERASED, confirmation.data())).isEmpty();

    awaitOutboxDrained("erasures");
    assertThat(everything()).as("no trace of the user").doesNotContain(erased);
    // The grants stay for access transparency, naming the marker where they named the user.
    http.perform(get("/api/support-access/grants/" + consented).with(keptAdmin)).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ENDED"))
        .andExpect(jsonPath("$.requestedBy").value(engineer))
        .andExpect(jsonPath("$.consentBy").value("erased-user"))
        .andExpect(jsonPath("$.approvedBy").value("erased-user"))
        .andExpect(jsonPath("$.endedBy").value("erased-user"));
    http.perform(get("/api/support-access/grants/" + denied).with(keptAdmin)).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DENIED"))
        .andExpect(jsonPath("$.deniedBy").value("erased-user"));
    assertKeptUntouched(othersGrant);

    // Retention asks again (attempt 2): nothing left, confirmed with zeros.
    EventEnvelope again =
        erasure.request(tenant, new ErasureRequested(erasureId, erased, 2, List.of(ErasureServices.ACCESS)));
    assertThat(erasure.erased(erasure.confirmation(again)).removed())
        .isEqualTo(Map.of("approvals", 0, "requests", 0, "endings", 0));

    // The very same record delivered twice is answered once.
    erasure.awaitHandled(erasure.publish(again));
    assertThat(erasure.confirmations(erasureId, 3, Duration.ofSeconds(5))).hasSize(2);
    assertKeptUntouched(othersGrant);
  }

  @Test
  void an_erased_support_engineer_is_replaced_on_the_requests_they_made() throws Exception {
    String asked = request();
    http.perform(post("/api/support-access/requests/" + asked + "/approve").with(keptAdmin)).andExpect(status().isOk());
    EventEnvelope request =
        erasure.request(tenant, new ErasureRequested("er-staff-" + suffix, engineer, 1, ErasureServices.ALL));

    assertThat(erasure.erased(erasure.confirmation(request)).removed())
        .isEqualTo(Map.of("approvals", 0, "requests", 1, "endings", 0));
    http.perform(get("/api/support-access/grants/" + asked).with(keptAdmin)).andExpect(status().isOk())
        .andExpect(jsonPath("$.requestedBy").value("erased-user"))
        .andExpect(jsonPath("$.approvedBy").value(kept));
  }

  @Test
  void a_request_that_does_not_name_access_changes_nothing_and_confirms_nothing() throws Exception {
    String othersGrant = request();
    http.perform(post("/api/support-access/requests/" + othersGrant + "/approve").with(keptAdmin)).andExpect(status().isOk());

    String erasureId = "er-other-" + suffix;
    erasure.awaitHandled(erasure.publish(erasure.newRequest(tenant,
        new ErasureRequested(erasureId, kept, 1, List.of(ErasureServices.IDENTITY, ErasureServices.INGEST)))));

    assertKeptUntouched(othersGrant);
    assertThat(mongo.getCollection("erasures").countDocuments(new Document("_id", erasureId))).isZero();
    assertThat(erasure.confirmations(erasureId, 1, Duration.ofSeconds(5))).isEmpty();
  }

  private void assertKeptUntouched(String grantId) throws Exception {
    http.perform(get("/api/support-access/grants/" + grantId).with(keptAdmin)).andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.consentBy").value(kept))
        .andExpect(jsonPath("$.approvedBy").value(kept))
        .andExpect(jsonPath("$.requestedBy").value(engineer));
  }

  /** A new request by the engineer on the tenant; its id. */
  private String request() throws Exception {
    String body = "{\"tenantId\":\"" + tenant + "\",\"reason\":\"SUPPORT_TICKET\",\"ticketId\":\"SUP-"
        + UUID.randomUUID().toString().substring(0, 8) + "\",\"scopes\":[\"INVOICES_READ\"],"
        + "\"justification\":\"Customer cannot see invoice 1042 in the batch view\",\"durationMinutes\":60}";
    String created = http.perform(post("/api/support-access/requests").with(engineerCall)
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(created).get("id").asString();
  }

  private void awaitOutboxDrained(String collection) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection(collection)
        .countDocuments(new Document("outbox.0", new Document("$exists", true))) == 0);
  }

  /** Every document of every collection of the service's database, as JSON. */
  private String everything() {
    StringBuilder all = new StringBuilder();
    for (String collection : mongo.getCollectionNames()) {
      for (Document document : mongo.getCollection(collection).find()) all.append(document.toJson()).append('\n');
    }
    return all.toString();
  }
}
