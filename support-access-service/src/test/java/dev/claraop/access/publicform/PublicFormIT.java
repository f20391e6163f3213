package dev.claraop.access.publicform;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.access.AccessIntegrationTest;
import dev.claraop.access.Planted;
import dev.claraop.access.sensitive.Corpus;
import dev.claraop.platform.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The public contact and security-report forms through HTTP, on the real Mongo and Kafka fixtures. */
@ExtendWith(OutputCaptureExtension.class)
class PublicFormIT extends AccessIntegrationTest {

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void both_forms_are_accepted_without_a_token_and_kept_apart() throws Exception {
    String marker = "marker-" + UUID.randomUUID();
    String contactRef = reference(contact("buyer@example.com", "SALES", "Pricing for 25 seats? " + marker)
        .andExpect(status().isAccepted()));
    String reportRef = reference(securityReport("researcher@example.org", "Open redirect on login " + marker,
        "Steps: open /login?next=//evil.example and sign in.").andExpect(status().isAccepted()));

    assertThat(contactRef).matches("CT(-[A-Z2-9]{4}){3}");
    assertThat(reportRef).matches("SR(-[A-Z2-9]{4}){3}");
    assertThat(mongo.findById(contactRef, ContactMessage.class).message()).contains(marker);
    assertThat(mongo.findById(reportRef, SecurityReport.class).summary()).contains(marker);
    // Apart: a security report is never among the contact messages, nor the other way round.
    assertThat(mongo.findById(reportRef, ContactMessage.class)).isNull();
    assertThat(mongo.findById(contactRef, SecurityReport.class)).isNull();
  }

  @Test
  void every_sensitive_sample_is_refused_by_kind_and_nothing_of_it_is_stored_published_or_logged(
      CapturedOutput output) throws Exception {
    List<Corpus.Sample> samples = Corpus.sensitive();
    List<String> markers = new ArrayList<>();
    for (Corpus.Sample sample : samples) {
      markers.addAll(Planted.markers(sample.text()));
      for (ResultActions refused : List.of(
          contact("someone@example.com", "SUPPORT", sample.text()),
          securityReport("someone@example.com", "Report", sample.text()),
          securityReport("someone@example.com", sample.text().length() <= 200 ? sample.text() : "long", "Details"))) {
        MvcResult result = refused
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.kind").value(sample.kind().name()))
            .andExpect(jsonPath("$.detail").value(containsString(sample.kind().description())))
            .andExpect(jsonPath("$.detail").value(containsString("Please do not send")))
            .andReturn();
        String body = result.getResponse().getContentAsString();
        for (String marker : Planted.markers(sample.text())) assertThat(body).doesNotContain(marker);
      }
    }
    String stored = Planted.everythingStored(mongo);
    String published = Planted.everythingPublished();
    for (String marker : markers) {
      assertThat(stored).as("a planted value in Mongo").doesNotContain(marker);
      assertThat(published).as("a planted value on access.events").doesNotContain(marker);
      assertThat(output.getAll()).as("a planted value in the log").doesNotContain(marker);
    }
    assertThat(output.getAll()).contains("public form contact refused: field message holds CARD_NUMBER");
  }

  @Test
  void every_benign_message_is_accepted() throws Exception {
    List<String> benign = Corpus.benign();
    int refused = 0;
    for (String message : benign) {
      int status = contact("buyer@example.com", "SUPPORT", message).andReturn().getResponse().getStatus();
      if (status != 202) refused++;
    }
    System.out.printf("public contact form over HTTP: %d benign messages, %d refused (%.1f%% false positives)%n",
        benign.size(), refused, 100.0 * refused / benign.size());
    assertThat(refused).isZero();
  }

  @Test
  void missing_unknown_malformed_and_overlong_fields_are_400_problems_that_name_the_field() throws Exception {
    assertField(post("/api/public/contact"), "{\"email\":\"a@example.com\",\"topic\":\"SALES\",\"message\":\"hi\",\"phone\":\"555\"}", "phone");
    assertField(post("/api/public/contact"), "{\"email\":\"a@example.com\",\"topic\":\"PRESS\",\"message\":\"hi\"}", "topic");
    assertField(post("/api/public/contact"), "{\"email\":\"a@example.com\",\"topic\":\"SALES\"}", "message");
    assertField(post("/api/public/contact"), "{\"email\":\"not-an-email\",\"topic\":\"SALES\",\"message\":\"hi\"}", "email");
    assertField(post("/api/public/contact"),
        "{\"email\":\"a@example.com\",\"topic\":\"SALES\",\"message\":\"" + "x".repeat(2001) + "\"}", "message");
    assertField(post("/api/public/security-report"),
        "{\"email\":\"a@example.com\",\"summary\":\"" + "s".repeat(201) + "\",\"details\":\"d\"}", "summary");
    assertField(post("/api/public/security-report"),
        "{\"email\":\"a@example.com\",\"summary\":\"s\",\"details\":\"d\",\"severity\":\"high\"}", "severity");
    // A key that is itself a secret is not echoed, even as a field name.
    MvcResult secretKey = http.perform(post("/api/public/contact").contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"a@example.com\",\"topic\":\"SALES\",\"message\":\"hi\",\"4111111111111111\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("(a field)"))
        .andReturn();
    assertThat(secretKey.getResponse().getContentAsString()).doesNotContain("4111111111111111");
    http.perform(post("/api/public/contact").contentType(MediaType.APPLICATION_JSON).content("{\"email\":"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void only_the_two_forms_are_open_and_only_security_triage_reads_security_reports() throws Exception {
    String reportRef = reference(securityReport("r@example.org", "XSS in campaign name", "Steps to reproduce: ...")
        .andExpect(status().isAccepted()));
    String contactRef = reference(contact("b@example.com", "SUPPORT", "Where is my invoice?")
        .andExpect(status().isAccepted()));

    http.perform(get("/api/public/contact")).andExpect(status().isUnauthorized());
    http.perform(post("/api/public/anything-else").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
    String list = "/api/support-access/security-reports";
    http.perform(get(list)).andExpect(status().isUnauthorized());
    for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.CREATOR)) {
      http.perform(get(list).with(tenantUser("u", "t-1", role))).andExpect(status().isForbidden());
    }
    for (Role role : List.of(Role.SUPPORT_ENGINEER, Role.SUPPORT_REVIEWER, Role.PLATFORM_ADMIN)) {
      http.perform(get(list).with(staff("s", role))).andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    String page = http.perform(get(list).with(staff("triage-1", Role.SECURITY_TRIAGE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.nextCursor").isEmpty())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains(reportRef).contains("XSS in campaign name").doesNotContain(contactRef);
  }

  private void assertField(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body, String field)
      throws Exception {
    http.perform(request.contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("xxxxxxxxxx"))));
  }

  private ResultActions contact(String email, String topic, String message) throws Exception {
    ObjectNode body = json.createObjectNode().put("email", email).put("topic", topic).put("message", message);
    return http.perform(post("/api/public/contact").contentType(MediaType.APPLICATION_JSON).content(body.toString()));
  }

  private ResultActions securityReport(String email, String summary, String details) throws Exception {
    ObjectNode body = json.createObjectNode().put("email", email).put("summary", summary).put("details", details);
    return http.perform(post("/api/public/security-report").contentType(MediaType.APPLICATION_JSON)
        .content(body.toString()));
  }

  private String reference(ResultActions accepted) throws Exception {
    String body = accepted.andExpect(jsonPath("$.reference").value(matchesPattern("(CT|SR)-.*")))
        .andReturn().getResponse().getContentAsString();
    return json.readTree(body).get("reference").asString();
  }
}
