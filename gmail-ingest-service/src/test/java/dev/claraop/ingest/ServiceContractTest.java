package dev.claraop.ingest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.claraop.test.ServiceContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends IngestIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  /** The business series dashboards and alerts rely on exist from start-up, at zero if need be. */
  @Test
  void the_business_series_are_exposed() throws Exception {
    http.perform(get("/actuator/prometheus"))
        .andExpect(content().string(allOf(containsString("claraop_ingest_syncs_total"),
            containsString("claraop_ingest_google_quota_units_total"), containsString("claraop_ingest_google_quota_used_ratio"),
            containsString("claraop_ingest_mailboxes_revoked_total"))));
  }
}
