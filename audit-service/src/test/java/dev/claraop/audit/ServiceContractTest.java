package dev.claraop.audit;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.claraop.test.ServiceContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends AuditIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  /** The business counters dashboards and alerts rely on exist from start-up, at zero if need be. */
  @Test
  void the_business_counters_are_exposed() throws Exception {
    http.perform(get("/actuator/prometheus"))
        .andExpect(content().string(allOf(containsString("claraop_audit_entries_appended_total"), containsString("claraop_audit_dead_letters_total"),
            containsString("claraop_audit_duplicates_ignored_total"), containsString("claraop_audit_append_lag_seconds_bucket"))));
  }
}
