package dev.claraop.platform.security;

import static dev.claraop.platform.security.Grants.ENGINEER;
import static dev.claraop.platform.security.Grants.OTHER_ENGINEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.events.EventCodec;
import dev.claraop.events.EventEnvelope;
import dev.claraop.events.EventTypes;
import dev.claraop.events.access.StaffRead;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * X-Support-Grant through the platform's chain inside one service: who is admitted, in which tenant, to which
 * routes, and that every admitted read leaves only once its access.staff-read event is stored.
 */
@SpringBootTest(classes = SupportGrantChainTest.Probe.class)
@AutoConfigureMockMvc
class SupportGrantChainTest {

  static final Instant NOW = Tokens.NOW;
  static final ClaraJwtAuthenticationConverterTest.MutableClock CLOCK =
      new ClaraJwtAuthenticationConverterTest.MutableClock(NOW);
  static final Map<String, Jwt> TOKENS = Map.of(
      "engineer", Tokens.staff(ENGINEER, "SUPPORT_ENGINEER", null),
      "other-engineer", Tokens.staff(OTHER_ENGINEER, "SUPPORT_ENGINEER", null),
      "admin", Tokens.tenantUser("a-1", "acme", List.of("ADMIN"), null));
  static final Grants GRANTS = new Grants();
  static final RecordedReads READS = new RecordedReads();

  /** The staff-read events a service stored; fails on demand, as a Mongo outage would. */
  static final class RecordedReads implements StaffReads {
    final List<EventEnvelope> stored = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void record(EventEnvelope staffRead) {
      if (failing) throw new IllegalStateException("store down");
      stored.add(staffRead);
    }
  }

  @SpringBootApplication
  @RestController
  static class Probe {
    @Bean
    Clock clock() {
      return CLOCK;
    }

    @Bean
    JwtDecoder decoder() {
      return value -> {
        Jwt jwt = TOKENS.get(value);
        if (jwt == null) throw new BadJwtException("unknown token");
        return jwt;
      };
    }

    @Bean
    GrantSource grants() {
      return GRANTS;
    }

    @Bean
    StaffReads reads() {
      return READS;
    }

    @GetMapping("/api/batches")
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('GRANT_PAYOUTS_READ')")
    String batches(ClaraPrincipal caller) {
      return "batches of " + caller.tenantId();
    }

    @GetMapping("/api/messages/m-1/content")
    @PreAuthorize("hasAuthority('GRANT_EMAIL_CONTENT_READ')")
    String content() {
      return "body";
    }

    @GetMapping("/api/entries")
    @PreAuthorize("hasRole('ADMIN')")
    String entries() {
      return "entries";
    }

    @PostMapping("/api/batches")
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('GRANT_PAYOUTS_READ')")
    String generate() {
      return "generated";
    }
  }

  @Autowired MockMvc http;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void reset() {
    CLOCK.set(NOW);
    GRANTS.byId.clear();
    GRANTS.down = false;
    GRANTS.checks.set(0);
    READS.stored.clear();
    READS.failing = false;
    GRANTS.with(Grants.active("g-pay", "acme", ENGINEER, Set.of(GrantScope.PAYOUTS_READ), NOW.plusSeconds(3600)));
  }

  @Test
  void an_engineer_reads_under_their_active_grant_in_the_grants_tenant_and_the_read_is_recorded() throws Exception {
    http.perform(as("engineer", "g-pay", get("/api/batches"))).andExpect(status().isOk())
        .andExpect(content().string("batches of acme"));
    assertThat(READS.stored).hasSize(1);
    EventEnvelope event = READS.stored.getFirst();
    assertThat(event.type()).isEqualTo("access.staff-read");
    assertThat(event.tenantId()).isEqualTo("acme");
    assertThat(event.actor().id()).isEqualTo(ENGINEER);
    assertThat(event.actor().grantId()).isEqualTo("g-pay");
    StaffRead read = new EventCodec().data(event, EventTypes.ACCESS_STAFF_READ);
    assertThat(read).isEqualTo(new StaffRead("g-pay", ENGINEER, "SUPPORT_TICKET", "SUP-7", List.of("a-1"),
        List.of("PAYOUTS_READ"), "GET", "/api/batches", 200, null, NOW));
  }

  @Test
  void each_request_under_a_grant_is_counted_by_outcome_reason_and_scopes() throws Exception {
    double admitted = staffReads("admitted", "SUPPORT_TICKET", "PAYOUTS_READ");
    double refusedByRoute = staffReads("refused", "SUPPORT_TICKET", "PAYOUTS_READ");
    double refusedByGrant = staffReads("refused", "none", "none");

    http.perform(as("engineer", "g-pay", get("/api/batches"))).andExpect(status().isOk());
    http.perform(as("engineer", "g-pay", get("/api/entries"))).andExpect(status().isForbidden());
    http.perform(as("other-engineer", "g-pay", get("/api/batches"))).andExpect(status().isForbidden());
    http.perform(as("engineer", "g-pay", post("/api/batches"))).andExpect(status().isForbidden());

    assertThat(staffReads("admitted", "SUPPORT_TICKET", "PAYOUTS_READ") - admitted).isEqualTo(1.0);
    assertThat(staffReads("refused", "SUPPORT_TICKET", "PAYOUTS_READ") - refusedByRoute).isEqualTo(1.0);
    assertThat(staffReads("refused", "none", "none") - refusedByGrant).isEqualTo(2.0);
  }

  private double staffReads(String outcome, String reason, String scopes) {
    var counter = meters.find("claraop.staff.reads").tag("outcome", outcome).tag("reason", reason).tag("scopes", scopes)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void the_tenant_comes_from_the_grant_never_from_the_request() throws Exception {
    http.perform(as("engineer", "g-pay", get("/api/batches")).header(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER,
        "globex")).andExpect(status().isForbidden());
    http.perform(as("engineer", "g-pay", get("/api/batches").param("tenantId", "globex")))
        .andExpect(content().string("batches of acme"));
  }

  @Test
  void a_route_whose_scope_the_grant_lacks_or_that_names_no_scope_refuses_and_the_refusal_is_recorded() throws Exception {
    http.perform(as("engineer", "g-pay", get("/api/messages/m-1/content"))).andExpect(status().isForbidden());
    http.perform(as("engineer", "g-pay", get("/api/entries"))).andExpect(status().isForbidden());
    assertThat(READS.stored).extracting(e -> e.data().get("status").asInt()).containsExactly(403, 403);
  }

  @Test
  void a_mutation_under_a_grant_is_refused_before_any_route_even_one_its_scope_would_admit() throws Exception {
    http.perform(as("engineer", "g-pay", post("/api/batches"))).andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("A support grant admits reads only."));
    assertThat(GRANTS.checks).hasValue(0);
  }

  @Test
  void staff_without_a_grant_see_no_tenant_data() throws Exception {
    http.perform(get("/api/batches").header("Authorization", "Bearer engineer")).andExpect(status().isForbidden());
  }

  @Test
  void another_engineers_grant_an_ended_one_and_an_unknown_one_are_403_problems() throws Exception {
    http.perform(as("other-engineer", "g-pay", get("/api/batches"))).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("The support grant named in X-Support-Grant does not exist or is not yours."));
    http.perform(as("engineer", "g-none", get("/api/batches"))).andExpect(status().isForbidden());
    GRANTS.with(Grants.active("g-old", "acme", ENGINEER, Set.of(GrantScope.PAYOUTS_READ), NOW.minusSeconds(1)));
    http.perform(as("engineer", "g-old", get("/api/batches"))).andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(READS.stored).isEmpty();
  }

  @Test
  void a_tenant_user_sending_a_grant_is_refused_rather_than_served_as_themself() throws Exception {
    http.perform(as("admin", "g-pay", get("/api/batches"))).andExpect(status().isForbidden());
    http.perform(get("/api/batches").header("Authorization", "Bearer admin")).andExpect(status().isOk());
  }

  @Test
  void when_the_grant_cannot_be_checked_the_read_is_refused_with_a_503() throws Exception {
    GRANTS.down = true;
    http.perform(as("engineer", "g-pay", get("/api/batches"))).andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void a_read_that_cannot_be_recorded_is_not_delivered() throws Exception {
    READS.failing = true;
    String body = http.perform(as("engineer", "g-pay", get("/api/batches"))).andExpect(status().isServiceUnavailable())
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain("batches of");
  }

  @Test
  void a_grant_ended_at_support_access_stops_admitting_within_the_stated_bound() throws Exception {
    http.perform(as("engineer", "g-pay", get("/api/batches"))).andExpect(status().isOk());
    GRANTS.with(Grants.ended(GRANTS.byId.get("g-pay")));
    CLOCK.set(NOW.plus(new SupportAccessSettings(null, null, null).grantCacheTtl()));
    http.perform(as("engineer", "g-pay", get("/api/batches"))).andExpect(status().isForbidden());
  }

  private static MockHttpServletRequestBuilder as(String token, String grant, MockHttpServletRequestBuilder request) {
    return request.header("Authorization", "Bearer " + token).header(SupportGrantFilter.HEADER, grant);
  }
}
