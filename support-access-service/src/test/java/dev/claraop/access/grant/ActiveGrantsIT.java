package dev.claraop.access.grant;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.access.AccessIntegrationTest;
import dev.claraop.platform.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** claraop_access_grants_active counts a grant while it admits reads, and no longer once it is revoked. */
class ActiveGrantsIT extends AccessIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MeterRegistry meters;

  @Test
  void an_approved_grant_counts_as_active_under_its_reason_until_it_is_revoked() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    var admin = tenantUser("admin-" + tenant, tenant, Role.ADMIN);
    double before = active("INCIDENT");
    String body = "{\"tenantId\":\"" + tenant + "\",\"reason\":\"INCIDENT\",\"ticketId\":\"INC-" + tenant
        + "\",\"scopes\":[\"PAYOUTS_READ\"],\"justification\":\"Payout batch stuck in export during incident\","
        + "\"durationMinutes\":60}";
    String id = JsonMapper.builder().build().readTree(http.perform(post("/api/support-access/requests")
            .with(staff("eng-" + tenant, Role.SUPPORT_ENGINEER)).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    assertThat(active("INCIDENT")).as("pending is not active").isEqualTo(before);

    http.perform(post("/api/support-access/requests/" + id + "/approve").with(admin))
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    assertThat(active("INCIDENT")).isEqualTo(before + 1);

    http.perform(post("/api/support-access/grants/" + id + "/revoke").with(admin)).andExpect(status().is2xxSuccessful());
    assertThat(active("INCIDENT")).isEqualTo(before);
  }

  private double active(String reason) {
    return meters.get("claraop.access.grants.active").tag("reason", reason).gauge().value();
  }
}
