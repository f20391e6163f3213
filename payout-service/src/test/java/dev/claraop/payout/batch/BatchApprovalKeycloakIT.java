package dev.claraop.payout.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.payout.PayoutIntegrationTest;
import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceStatus;
import dev.claraop.payout.profile.PayoutProfileRequest;
import dev.claraop.payout.profile.PayoutProfiles;
import java.time.Duration;
import org.awaitility.Awaitility;
import dev.claraop.test.KeycloakFixture;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four-eyes approval with real access tokens from the real Keycloak (realm {@code claraop}, its demo users):
 * the service checks signature, issuer and audience itself, then the roles and tenant the token carries.
 */
class BatchApprovalKeycloakIT extends PayoutIntegrationTest {

  private static final String PASSWORD = "Demo-Password-1!";
  private static final String ADMIN = "admin@demo.claraop.dev";
  private static final String ADMIN_2 = "admin2@demo.claraop.dev";

  @DynamicPropertySource
  static void keycloak(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> KeycloakFixture.server().issuer());
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> KeycloakFixture.server().jwkSetUri());
  }

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  @Autowired PayoutProfiles profiles;

  @Test
  void with_real_tokens_only_a_second_admin_of_the_tenant_approves() throws Exception {
    for (String creator : new String[] {"11111111-0000-4000-8000-000000000004", "11111111-0000-4000-8000-000000000005"}) {
      profiles.store("demo", creator, creator, new PayoutProfileRequest("Creator " + creator.substring(34), "GB", "USD",
          null, null, "GB33BUKB20201555555555", null, null));
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> profiles.exists("demo", creator));
      mongo.insert(new Invoice(UUID.randomUUID().toString(), "demo", creator, "Creator " + creator.substring(34),
          "campaign-1", new BigDecimal("125.00"), "USD", InvoiceStatus.APPROVED, null));
    }
    String body = http.perform(post("/api/batches").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
            .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.generatedBy").value("11111111-0000-4000-8000-000000000001"))
        .andReturn().getResponse().getContentAsString();
    String approve = "/api/batches/" + JsonMapper.builder().build().readTree(body).get("id").asString() + "/approve";

    http.perform(post(approve)).andExpect(status().isUnauthorized());
    String token = KeycloakFixture.server().accessToken(ADMIN_2, PASSWORD);
    String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    http.perform(post(approve).header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)).andExpect(status().isUnauthorized());
    Map<String, Integer> refused = Map.of(
        "manager@demo.claraop.dev", 403, "creator1@demo.claraop.dev", 403,
        "platform-admin@claraop.dev", 403, "support@claraop.dev", 403, "reviewer@claraop.dev", 403,
        "admin@other.claraop.dev", 404,
        ADMIN, 409);
    for (var caller : refused.entrySet()) {
      http.perform(as(post(approve), caller.getKey()))
          .andExpect(status().is(caller.getValue()))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(as(post(approve), ADMIN_2)).andExpect(status().isNoContent());
    http.perform(as(post(approve), ADMIN_2)).andExpect(status().isConflict());
    assertThat(mongo.getCollection("domainevents").countDocuments(
        new org.bson.Document("aggregateIdentifier", new org.bson.Document("$regex", "^[0-9a-f-]{36}$")))).isEqualTo(2);
  }

  private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
    return request.header(HttpHeaders.AUTHORIZATION, bearer(username));
  }

  private static String bearer(String username) {
    return "Bearer " + KeycloakFixture.server().accessToken(username, PASSWORD);
  }
}
