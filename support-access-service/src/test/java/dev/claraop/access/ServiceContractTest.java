package dev.claraop.access;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.claraop.test.ServiceContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends AccessIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  @Test
  void the_business_counters_are_exposed() throws Exception {
    http.perform(get("/actuator/prometheus"))
        .andExpect(content().string(containsString("claraop_access_events_published_total")))
        .andExpect(content().string(containsString("claraop_access_grants_expired_total")))
        .andExpect(content().string(containsString("claraop_access_grants_active{application=\"support-access-service\",reason=\"INCIDENT\"}")))
        .andExpect(content().string(containsString(
            "claraop_access_public_forms_total{application=\"support-access-service\",form=\"contact\",kind=\"IBAN\",outcome=\"refused\"}")));
  }
}
