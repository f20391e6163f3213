package dev.claraop.payout;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
            containsString("claraop_payout_batches_exported_total"), containsString("claraop_payout_batches_purged_total"),
            containsString("claraop_payout_lines_purged_total"),
            containsString("claraop_payout_pii_decrypted_accounts_total{application=\"payout-service\",purpose=\"payout_export\"}"),
            containsString("claraop_payout_pii_decrypted_accounts_total{application=\"payout-service\",purpose=\"batch_reseal\"}"))));
  }

  /**
   * Prometheus as packaged here (Debian's 2.42) refuses a whole OpenMetrics scrape when a histogram's _count carries
   * an exemplar, which Micrometer adds once requests are traced: the target would read as down. So none is sent.
   */
  @Test
  void an_openmetrics_scrape_after_a_traced_request_carries_no_exemplar() throws Exception {
    http.perform(get("/api/batches").header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    http.perform(get("/actuator/prometheus").accept("application/openmetrics-text;version=1.0.0"))
        .andExpect(content().string(allOf(containsString("http_server_requests_seconds_count"), not(containsString("trace_id")))));
  }
}
