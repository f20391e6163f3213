package dev.claraop.retention;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.claraop.test.ServiceContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends RetentionIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  /** The meters the purge's alert, erasure and dashboards rely on exist from start-up, at zero if need be. */
  @Test
  void the_purge_and_erasure_meters_are_exposed_from_start_up() throws Exception {
    http.perform(get("/actuator/prometheus")).andExpect(content().string(allOf(
        containsString("claraop_retention_purge_runs_total{application=\"retention-service\",outcome=\"succeeded\"}"),
        containsString("claraop_retention_purge_runs_total{application=\"retention-service\",outcome=\"failed\"}"),
        containsString("claraop_retention_batches_purged_total"),
        containsString("claraop_retention_purge_failures_total"),
        containsString("claraop_retention_purge_last_success_timestamp_seconds"),
        containsString("claraop_retention_dead_letters_total"),
        containsString("claraop_retention_erasures{application=\"retention-service\",status=\"ERASING\"}"),
        containsString("claraop_retention_erasures_overdue"))));
  }
}
