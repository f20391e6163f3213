package dev.claraop.platform.security;

import static dev.claraop.platform.security.Tokens.OPERATOR;
import static dev.claraop.platform.security.Tokens.entry;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.platform.security.ClaraJwtAuthenticationConverterTest.MutableClock;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's chain end to end inside one service: a bearer token through the filter chain, the service's
 * clock, X-Acting-Tenant, method security and the principal a controller receives. Only signature checking
 * is left out (the decoder hands back prepared tokens); the e2e matrix runs the same with Keycloak's tokens.
 */
@SpringBootTest(classes = ActingTenantChainTest.Probe.class)
@AutoConfigureMockMvc
class ActingTenantChainTest {

  static final MutableClock CLOCK = new MutableClock(Tokens.NOW);
  static final Set<String> REVOKED = ConcurrentHashMap.newKeySet();
  static final Map<String, Jwt> TOKENS = Map.of(
      "operator", Tokens.operator(entry("demo", "ADMIN", Tokens.NOW.plusSeconds(60), "d-1")),
      "admin", Tokens.tenantUser("a-1", "demo", List.of("ADMIN"), null),
      "support", Tokens.staff("s-1", "SUPPORT_ENGINEER", null));

  @SpringBootApplication
  @RestController
  static class Probe {
    @Bean
    Clock clock() {
      return CLOCK;
    }

    @Bean
    RevokedDelegations revokedDelegations() {
      return REVOKED::contains;
    }

    @Bean
    JwtDecoder decoder() {
      return value -> {
        Jwt jwt = TOKENS.get(value);
        if (jwt == null) throw new BadJwtException("unknown token");
        return jwt;
      };
    }

    @GetMapping("/api/whoami")
    ClaraPrincipal whoami(ClaraPrincipal caller) {
      return caller;
    }

    @GetMapping("/api/admin-only")
    @PreAuthorize("hasRole('ADMIN')")
    String adminOnly(ClaraPrincipal caller) {
      return caller.tenantId();
    }
  }

  @Autowired MockMvc http;

  @BeforeEach
  void resetClock() {
    CLOCK.set(Tokens.NOW);
    REVOKED.clear();
  }

  @Test
  void an_operator_naming_their_delegated_tenant_is_that_tenants_admin_for_the_request() throws Exception {
    http.perform(as("operator", "demo", "/api/whoami")).andExpect(status().isOk())
        .andExpect(jsonPath("$.userId").value(OPERATOR)).andExpect(jsonPath("$.tenantId").value("demo"))
        .andExpect(jsonPath("$.roles[0]").value("ADMIN")).andExpect(jsonPath("$.delegationId").value("d-1"));
    http.perform(as("operator", "demo", "/api/admin-only")).andExpect(status().isOk()).andExpect(content().string("demo"));
  }

  @Test
  void without_the_header_the_same_token_is_the_operator_in_their_own_tenant_with_their_own_role() throws Exception {
    http.perform(as("operator", null, "/api/whoami")).andExpect(status().isOk())
        .andExpect(jsonPath("$.tenantId").value("other")).andExpect(jsonPath("$.roles[0]").value("CREATOR"));
    http.perform(as("operator", null, "/api/admin-only")).andExpect(status().isForbidden());
  }

  @Test
  void a_tenant_without_a_delegation_is_a_403_problem_even_on_a_route_any_caller_may_use() throws Exception {
    http.perform(as("operator", "acme", "/api/whoami")).andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("You hold no active delegation for the tenant named in X-Acting-Tenant."));
    http.perform(as("admin", "other", "/api/whoami")).andExpect(status().isForbidden());
  }

  @Test
  void once_the_service_clock_passes_the_expiry_the_live_token_no_longer_opens_the_tenant() throws Exception {
    http.perform(as("operator", "demo", "/api/admin-only")).andExpect(status().isOk());
    CLOCK.set(Tokens.NOW.plusSeconds(60));
    http.perform(as("operator", "demo", "/api/admin-only")).andExpect(status().isForbidden());
    http.perform(as("operator", "demo", "/api/whoami")).andExpect(status().isForbidden());
    http.perform(as("operator", null, "/api/whoami")).andExpect(status().isOk()).andExpect(jsonPath("$.tenantId").value("other"));
  }

  @Test
  void once_the_delegation_is_revoked_the_live_token_no_longer_opens_the_tenant() throws Exception {
    http.perform(as("operator", "demo", "/api/admin-only")).andExpect(status().isOk());
    REVOKED.add("d-1");
    http.perform(as("operator", "demo", "/api/admin-only")).andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("You hold no active delegation for the tenant named in X-Acting-Tenant."));
    http.perform(as("operator", "demo", "/api/whoami")).andExpect(status().isForbidden());
    http.perform(as("operator", null, "/api/whoami")).andExpect(status().isOk()).andExpect(jsonPath("$.tenantId").value("other"));
  }

  @Test
  void staff_naming_a_tenant_are_refused_and_a_bad_token_stays_a_401() throws Exception {
    http.perform(as("support", "demo", "/api/whoami")).andExpect(status().isForbidden());
    http.perform(as("support", null, "/api/whoami")).andExpect(status().isOk()).andExpect(jsonPath("$.tenantId").isEmpty());
    http.perform(as("forged", "demo", "/api/whoami")).andExpect(status().isUnauthorized());
    http.perform(get("/api/whoami").header(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER, "demo"))
        .andExpect(status().isUnauthorized());
  }

  private static MockHttpServletRequestBuilder as(String token, String actingTenant, String path) {
    MockHttpServletRequestBuilder request = get(path).header("Authorization", "Bearer " + token);
    return actingTenant == null ? request : request.header(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER, actingTenant);
  }
}
