package dev.claraop.payout;

import static dev.claraop.test.Callers.tenantUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.claraop.payout.invoice.Invoice;
import dev.claraop.payout.invoice.InvoiceStatus;
import dev.claraop.platform.security.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch driven through HTTP from profiles to payment, for the export and purge tests: a fresh tenant, two
 * creators who set their own profiles, a generator and a second ADMIN who approves and exports.
 */
public record BatchFlow(MockMvc http, String tenant, String batchId, List<String> lineIds) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  public static final String GENERATOR = "admin-gen";
  public static final String APPROVER = "admin-ok";

  /** Generates a batch paying {@code profiles.size()} creators, each with its own profile body, 10.00 each. */
  public static BatchFlow generated(MockMvc http, MongoTemplate mongo, List<String> profiles) throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < profiles.size(); i++) {
      String creator = "creator-" + i;
      PayoutFixtures.profileSetByCreator(http, tenant, creator, profiles.get(i));
      mongo.insert(new Invoice(UUID.randomUUID().toString(), tenant, creator, "Creator " + i, "campaign-1",
          new BigDecimal("10.00"), "USD", InvoiceStatus.APPROVED, null));
    }
    MvcResult result = http.perform(post("/api/batches").with(tenantUser(GENERATOR, tenant, Role.ADMIN))
        .contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"USD\"}")).andReturn();
    if (result.getResponse().getStatus() != 201) throw new AssertionError("generation answered " + result.getResponse().getStatus());
    JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
    List<String> lines = new ArrayList<>();
    body.get("lines").forEach(l -> lines.add(l.get("id").asString()));
    return new BatchFlow(http, tenant, body.get("id").asString(), lines);
  }

  public RequestPostProcessor generator() {
    return tenantUser(GENERATOR, tenant, Role.ADMIN);
  }

  public RequestPostProcessor approver() {
    return tenantUser(APPROVER, tenant, Role.ADMIN);
  }

  public String path(String tail) {
    return "/api/batches/" + batchId + tail;
  }

  public int approve() throws Exception {
    return http.perform(post(path("/approve")).with(approver())).andReturn().getResponse().getStatus();
  }

  public MvcResult export(RequestPostProcessor caller, String body) throws Exception {
    return http.perform(post(path("/export")).with(caller).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
  }

  public MvcResult export(String format) throws Exception {
    return export(approver(), "{\"purpose\":\"November creator payouts\",\"format\":\"" + format + "\"}");
  }

  public void payEveryLine() throws Exception {
    for (String line : lineIds) {
      int status = http.perform(post(path("/lines/" + line + "/paid")).with(approver())).andReturn().getResponse().getStatus();
      if (status != 204) throw new AssertionError("paying a line answered " + status);
    }
  }

  public JsonNode awaitView(String status) throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(view().path("status").asString()));
    return view();
  }

  public JsonNode view() throws Exception {
    MvcResult result = http.perform(get(path("")).with(approver())).andReturn();
    return result.getResponse().getStatus() == 200
        ? JSON.readTree(result.getResponse().getContentAsString()) : JSON.createObjectNode();
  }

  /** retention-service as Keycloak issues its client-credentials token: its client as azp, its role, no tenant. */
  public static RequestPostProcessor retentionService() {
    return jwt().jwt(t -> t.subject("service-account-" + UUID.randomUUID()).claim("azp", "retention-service")
        .claim("roles", List.of("SERVICE_RETENTION")).audience(List.of("claraop-api")));
  }

  public MvcResult purge(RequestPostProcessor caller) throws Exception {
    return http.perform(post("/internal/batches/" + batchId + "/purge").with(caller)).andReturn();
  }
}
