package dev.claraop.payout.profile;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.SchemaCheck;
import dev.claraop.events.Topics;
import dev.claraop.payout.PayoutFixtures;
import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.platform.security.Role;
import dev.claraop.test.KafkaRecords;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Payout profiles through HTTP, the event store and Kafka: who may write and read, what is refused, what is kept. */
class ProfileIT extends PayoutIntegrationTest {

  private static final String IBAN = "GB82WEST12345698765432";
  private static final String BODY = "{\"accountHolder\":\"Ada Creator\",\"country\":\"GB\",\"currency\":\"GBP\","
      + "\"iban\":\"" + IBAN + "\",\"bic\":\"WESTGB2L\",\"taxId\":\"AB123456C\"}";

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired org.springframework.context.ApplicationContext context;
  private final EventCodec codec = new EventCodec();

  @Test
  void a_creator_sets_their_own_profile_and_reads_it_back_masked() throws Exception {
    String tenant = newTenant();
    http.perform(put(path("cre-1")).with(tenantUser("cre-1", tenant, Role.CREATOR))
            .header("X-Request-Id", "req-profile-1").contentType(MediaType.APPLICATION_JSON).content(BODY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.iban").value("••••5432"))
        .andExpect(jsonPath("$.bic").value("••••GB2L"))
        .andExpect(jsonPath("$.taxId").value("••••456C"))
        .andExpect(jsonPath("$.accountNumber").isEmpty())
        .andExpect(jsonPath("$.accountHolder").value("Ada Creator"))
        .andExpect(jsonPath("$.lastEditedBy").value("cre-1"));
    PayoutFixtures.awaitProfile(http, tenant, "cre-1");
    for (var reader : List.of(tenantUser("cre-1", tenant, Role.CREATOR), tenantUser("admin", tenant, Role.ADMIN))) {
      MvcResult read = http.perform(get(path("cre-1")).with(reader))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.iban").value("••••5432"))
          .andExpect(jsonPath("$.country").value("GB"))
          .andExpect(jsonPath("$.currency").value("GBP"))
          .andReturn();
      assertThat(read.getResponse().getContentAsString()).doesNotContain(IBAN).doesNotContain("WESTGB2L").doesNotContain("AB123456C");
    }

    EventEnvelope event = codec.read(KafkaRecords.read(Topics.PAYOUT, r -> r.value().contains(tenant), 1,
        Duration.ofSeconds(30)).getFirst().value());
    assertThat(event.type()).isEqualTo("payout.profile.updated");
    assertThat(event.actor().id()).isEqualTo("cre-1");
    assertThat(event.subjectId()).isEqualTo("cre-1");
    assertThat(event.correlationId()).isEqualTo("req-profile-1");
    assertThat(SchemaCheck.violations(EventTypes.PAYOUT_PROFILE_UPDATED, event.data())).isEmpty();
    assertThat(codec.data(event, EventTypes.PAYOUT_PROFILE_UPDATED).changedFields())
        .containsExactly("accountHolder", "country", "currency", "iban", "bic", "taxId");
    assertThat(codec.write(event)).doesNotContain("5432").doesNotContain("GB2L");
  }

  @Test
  void an_admin_sets_a_profile_and_becomes_its_last_editor() throws Exception {
    String tenant = newTenant();
    dev.claraop.payout.IdentityAnnouncements.from(context).creator(tenant, "cre-2");
    http.perform(put(path("cre-2")).with(tenantUser("admin-x", tenant, Role.ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content(BODY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lastEditedBy").value("admin-x"));
    PayoutFixtures.awaitProfile(http, tenant, "cre-2");
    http.perform(get(path("cre-2")).with(tenantUser("cre-2", tenant, Role.CREATOR)))
        .andExpect(jsonPath("$.lastEditedBy").value("admin-x"));
  }

  @Test
  void nobody_else_writes_or_reads_a_profile() throws Exception {
    String tenant = newTenant();
    PayoutFixtures.profileSetByCreator(http, tenant, "cre-3", BODY);
    var refused = List.of(tenantUser("mgr", tenant, Role.MANAGER), tenantUser("cre-other", tenant, Role.CREATOR),
        staff("s1", Role.PLATFORM_ADMIN), staff("s2", Role.SUPPORT_ENGINEER), staff("s3", Role.SUPPORT_REVIEWER));
    for (var caller : refused) {
      http.perform(get(path("cre-3")).with(caller)).andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      http.perform(put(path("cre-3")).with(caller).contentType(MediaType.APPLICATION_JSON).content(BODY))
          .andExpect(status().isForbidden());
    }
    http.perform(get(path("cre-3"))).andExpect(status().isUnauthorized());
    http.perform(put(path("cre-3")).contentType(MediaType.APPLICATION_JSON).content(BODY)).andExpect(status().isUnauthorized());
    // Another tenant's ADMIN sees no profile of this tenant: 404, as for one that does not exist.
    http.perform(get(path("cre-3")).with(tenantUser("intruder", newTenant(), Role.ADMIN)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(get(path("cre-3")).with(tenantUser("cre-3", tenant, Role.CREATOR)))
        .andExpect(jsonPath("$.lastEditedBy").value("cre-3"));
  }

  @Test
  void a_bad_value_is_a_400_naming_the_field_and_never_echoing_it() throws Exception {
    String tenant = newTenant();
    String[][] cases = {
        {"iban", "GB82WEST12345698765433"}, {"bic", "WESTGB2LX"}, {"country", "QQ"}, {"currency", "ZZZ"},
        {"taxId", "$$SECRET$$"}, {"accountHolder", ""}};
    for (String[] bad : cases) {
      String body = BODY.replaceFirst("\"" + bad[0] + "\":\"[^\"]*\"",
          java.util.regex.Matcher.quoteReplacement("\"" + bad[0] + "\":\"" + bad[1] + "\""));
      MvcResult result = http.perform(put(path("cre-4")).with(tenantUser("cre-4", tenant, Role.CREATOR))
              .contentType(MediaType.APPLICATION_JSON).content(body))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value(bad[0]))
          .andReturn();
      if (!bad[1].isEmpty()) assertThat(result.getResponse().getContentAsString()).as(bad[0]).doesNotContain(bad[1]);
    }
    String usWithoutRouting = "{\"accountHolder\":\"A\",\"country\":\"US\",\"currency\":\"USD\",\"accountNumber\":\"000111222333\"}";
    http.perform(put(path("cre-4")).with(tenantUser("cre-4", tenant, Role.CREATOR))
            .contentType(MediaType.APPLICATION_JSON).content(usWithoutRouting))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("routingCode"));
    http.perform(put(path("cre-4")).with(tenantUser("cre-4", tenant, Role.CREATOR))
            .contentType(MediaType.APPLICATION_JSON).content("{\"iban\":"))
        .andExpect(status().isBadRequest());
    assertThat(mongo.getCollection("domainevents").countDocuments(
        new org.bson.Document("aggregateIdentifier", "payout-profile:" + tenant + ".cre-4"))).isZero();
  }

  private static String path(String creator) {
    return "/api/payout-profiles/" + creator;
  }

  private static String newTenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
