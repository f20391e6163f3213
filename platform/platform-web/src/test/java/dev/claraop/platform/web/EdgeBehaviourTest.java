package dev.claraop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What platform-web gives every service: JSON logs under the request id, and problems that echo nothing. */
@SpringBootTest(classes = EdgeBehaviourTest.Probe.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class EdgeBehaviourTest {

  private static final String PLANTED = "DE89370400440532013000";

  @SpringBootApplication
  @RestController
  static class Probe {
    record Body(@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {}

    @GetMapping("/api/probe")
    String probe() {
      return "ok";
    }

    @PostMapping("/api/probe")
    String take(@Valid @RequestBody Body body) {
      return body.currency();
    }

    @GetMapping("/api/boom")
    String boom() {
      throw new IllegalStateException("driver said: " + PLANTED);
    }
  }

  @Autowired MockMvc http;

  @Test
  void each_api_request_is_one_json_log_line_carrying_its_request_id(CapturedOutput output) throws Exception {
    http.perform(get("/api/probe?token=secret-in-query").header("X-Request-Id", "req-log-1"))
        .andExpect(status().isOk()).andExpect(header().string("X-Request-Id", "req-log-1"));
    JsonNode line = Arrays.stream(output.getOut().split("\n"))
        .filter(l -> l.startsWith("{") && l.contains("req-log-1")).map(l -> JsonMapper.builder().build().readTree(l))
        .findFirst().orElseThrow(() -> new AssertionError("no JSON log line with the request id"));
    assertThat(line.get("requestId").asString()).isEqualTo("req-log-1");
    assertThat(line.get("message").asString()).isEqualTo("GET /api/probe 200");
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(output.getOut()).doesNotContain("secret-in-query");
  }

  @Test
  void invalid_input_is_a_400_problem_naming_the_field_but_not_the_value() throws Exception {
    String body = http.perform(post("/api/probe").contentType(MediaType.APPLICATION_JSON)
            .content("{\"currency\":\"" + PLANTED + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("currency"))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain(PLANTED);
  }

  @Test
  void malformed_json_is_a_400_problem_that_does_not_quote_the_body() throws Exception {
    String body = http.perform(post("/api/probe").contentType(MediaType.APPLICATION_JSON).content("{\"currency\":\"" + PLANTED))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain(PLANTED);
  }

  @Test
  void an_unexpected_failure_is_a_500_problem_without_message_or_trace_in_body_or_log(CapturedOutput output) throws Exception {
    String body = http.perform(get("/api/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.requestId").exists())
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain(PLANTED).doesNotContain("IllegalStateException");
    assertThat(output.getOut() + output.getErr()).doesNotContain(PLANTED);
  }

  @Test
  void an_unknown_route_is_a_404_problem() throws Exception {
    http.perform(get("/api/nowhere"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
