package dev.claraop.payout;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.claraop.test.ServiceContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends PayoutIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  /** The business counters dashboards and alerts rely on exist from start-up, at zero if need be. */
  @Test
  void the_business_counters_are_exposed() throws Exception {
    http.perform(get("/actuator/prometheus"))
        .andExpect(content().string(allOf(containsString("claraop_payout_batches_generated_total"),
            containsString("claraop_payout_batches_approved_total"), containsString("claraop_payout_batches_cancelled_total"),
            containsString("claraop_payout_batches_closed_total"), containsString("claraop_payout_lines_paid_total"),
            containsString("claraop_payout_lines_failed_total"), containsString("claraop_payout_events_published_total"),
            containsString("claraop_payout_batches_exported_total"), containsString("claraop_payout_batches_purged_total"))));
  }
}
