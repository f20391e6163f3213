package dev.claraop.test;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.claraop.platform.security.ClaraJwtAuthenticationConverter;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service promises at its edge (issue 2, item 1). A service's test class implements this
 * interface on top of its own Spring test context (with MockMvc), so the promises are checked in the
 * context the service really runs; Spring injects the method parameters.
 */
public interface ServiceContract {

  @Test
  default void liveness_and_readiness_are_reported(@Autowired MockMvc http) throws Exception {
    http.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    http.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
  }

  @Test
  default void prometheus_metrics_are_exposed_and_tagged_with_the_application(
      @Autowired MockMvc http, @Value("${spring.application.name}") String application) throws Exception {
    http.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("jvm_memory_used_bytes")))
        .andExpect(content().string(containsString("application=\"" + application + "\"")));
  }

  @Test
  default void the_openapi_description_is_served(@Autowired MockMvc http) throws Exception {
    http.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.openapi").exists());
  }

  @Test
  default void an_api_call_without_a_token_is_a_401_problem_that_echoes_the_request_id(@Autowired MockMvc http)
      throws Exception {
    http.perform(get("/api/anything").header("X-Request-Id", "req-abc-123"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("X-Request-Id", "req-abc-123"))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.title").value("Unauthorized"))
        .andExpect(jsonPath("$.requestId").value("req-abc-123"))
        .andExpect(jsonPath("$.properties").doesNotExist());
  }

  /**
   * The platform's chain, not a copy of it, guards every route: a genuine token whose {@code X-Acting-Tenant} names a
   * tenant its holder has no delegation for is refused before any controller. The token is converted as the
   * platform's converter does (the service's decoder would want Keycloak's signature); the refusal is the chain's.
   */
  @Test
  default void a_token_acting_in_a_tenant_without_a_delegation_is_a_403_problem(@Autowired MockMvc http)
      throws Exception {
    Jwt token = Jwt.withTokenValue("contract").header("alg", "none").subject("contract-operator")
        .claim(ClaraJwtAuthenticationConverter.TENANT_CLAIM, "contract-home")
        .claim(ClaraJwtAuthenticationConverter.ROLES_CLAIM, List.of("ADMIN")).build();
    http.perform(get("/api/anything").header(ClaraJwtAuthenticationConverter.ACTING_TENANT_HEADER, "contract-elsewhere")
            .with(authentication(new ClaraJwtAuthenticationConverter().authenticate(token, "contract-elsewhere"))))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(jsonPath("$.detail").value("You hold no active delegation for the tenant named in X-Acting-Tenant."));
  }

  @Test
  default void a_request_id_that_is_not_a_plain_token_is_replaced(@Autowired MockMvc http) throws Exception {
    http.perform(get("/actuator/health").header("X-Request-Id", "bad id\" injected"))
        .andExpect(header().string("X-Request-Id", Matchers.matchesPattern("[0-9a-f-]{36}")));
  }
}
