package dev.claraop.payout;

import dev.claraop.test.ServiceContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends PayoutIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  @Override
  public MockMvc http() {
    return http;
  }

  @Override
  public String application() {
    return "payout-service";
  }

  @org.junit.jupiter.api.Test
  void the_business_counters_are_exposed() throws Exception {
    http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/actuator/prometheus"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
            org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("claraop_payout_batches_generated_total"),
                org.hamcrest.Matchers.containsString("claraop_payout_events_published_total"))));
  }
}
