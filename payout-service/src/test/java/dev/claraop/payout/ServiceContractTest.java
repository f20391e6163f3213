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

  /**
   * Axon's update checker would report versions and a machine id to AxonIQ. Axon itself never starts it under a test
   * runner, so the exclusion is checked where production reads it, beside the context having none.
   */
  @Test
  void nothing_calls_out_unasked_axons_update_checker_is_excluded(@Autowired org.springframework.context.ApplicationContext context) {
    org.assertj.core.api.Assertions.assertThat(context.getEnvironment().getProperty("spring.autoconfigure.exclude"))
        .contains("org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration");
    org.assertj.core.api.Assertions.assertThat(context.getBeanNamesForType(org.axonframework.updates.UpdateChecker.class)).isEmpty();
    org.assertj.core.api.Assertions.assertThat(context.getBeanNamesForType(org.axonframework.updates.UpdateCheckerHttpClient.class)).isEmpty();
  }

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
            containsString("claraop_payout_pii_decrypted_accounts_total{application=\"payout-service\",purpose=\"batch_reseal\"}"),
            // Every tracking processor's lag (ProcessingLag), from start-up.
            containsString("claraop_payout_processing_lag_seconds_count{application=\"payout-service\",processor=\"payout-events-publisher\"}"),
            containsString("claraop_payout_processing_lag_seconds_count{application=\"payout-service\",processor=\"payout-profiles\"}"))));
  }

  /** The contract says where a large batch's lines went: the OpenAPI description the console's types come from. */
  @Test
  void the_openapi_description_says_where_a_large_batchs_lines_are() throws Exception {
    http.perform(get("/v3/api-docs"))
        .andExpect(content().string(allOf(containsString("/api/batches/{id}/lines"),
            containsString("inline while the caller sees at most 1000 lines"), containsString("BatchSummary"),
            containsString("/api/invoices/{id}"), containsString("/api/campaigns/{id}"))));
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
