package dev.claraop.identity.realm;

import static dev.claraop.test.Callers.staff;
import static dev.claraop.test.Callers.tenantUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.claraop.platform.security.Role;
import dev.claraop.test.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HTTP routes that need Keycloak, while Keycloak hangs: a server that takes connections and never answers,
 * worse than one that refuses them. Each route answers a 503 problem within its bounded wait (connect and read
 * timeouts, read retries), changes nothing in Mongo, and once the breaker has opened answers at once; readiness
 * says the service is not ready. The service itself stays up (this context started).
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeycloakUnreachableRoutesIT {

  /** Accepts TCP connections into its backlog and never reads or answers. */
  private static final ServerSocket SILENT_KEYCLOAK = silentServer();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.register(registry, "identity-no-keycloak");
    registry.add("claraop.identity.keycloak.url", () -> "http://127.0.0.1:" + SILENT_KEYCLOAK.getLocalPort());
    registry.add("claraop.identity.keycloak.password", () -> "irrelevant");
    registry.add("claraop.identity.directory.connect-timeout", () -> "1s");
    registry.add("claraop.identity.directory.read-timeout", () -> "1s");
    registry.add("claraop.identity.directory.read-attempts", () -> "2");
    // Out of the erasure consumer group, which the context with a real Keycloak shares on the same broker.
    registry.add("claraop.identity.erasures.listening", () -> "false");
  }

  @Autowired MockMvc http;
  @Autowired MongoTemplate mongo;

  @AfterAll
  static void closeSilentServer() throws IOException {
    SILENT_KEYCLOAK.close();
  }

  @Test
  void every_route_needing_keycloak_answers_a_503_problem_quickly_and_changes_nothing() throws Exception {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    var admin = tenantUser("admin-1", tenant, Role.ADMIN);
    Map<String, MockHttpServletRequestBuilder> routes = new LinkedHashMap<>();
    routes.put("POST /api/identity/tenants", post("/api/identity/tenants").with(staff("pa-1", Role.PLATFORM_ADMIN))
        .contentType(MediaType.APPLICATION_JSON)
            .content("{\"tenantId\":\"" + tenant + "\",\"name\":\"Acme\",\"adminEmail\":\"first@acme.test.claraop.dev\"}"));
    routes.put("POST /api/identity/users", post("/api/identity/users").with(admin).contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"new@acme.test.claraop.dev\",\"role\":\"CREATOR\"}"));
    routes.put("PUT /api/identity/pods/{podId}", put("/api/identity/pods/pod-a").with(admin).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Pod A\",\"managerId\":\"mgr-1\",\"creatorIds\":[\"cre-1\"]}"));
    routes.put("POST /api/identity/delegations", post("/api/identity/delegations").with(admin).contentType(MediaType.APPLICATION_JSON)
            .content("{\"userId\":\"operator-1\",\"role\":\"ADMIN\",\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}"));

    // Twice round: the first calls wait out their timeouts, the later ones find the breaker open.
    for (int round = 0; round < 2; round++) {
      for (var route : routes.entrySet()) {
        String call = route.getKey();
        long started = System.nanoTime();
        MockHttpServletResponse response = http.perform(route.getValue()).andReturn().getResponse();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.getStatus()).as(call).isEqualTo(503);
        assertThat(response.getContentType()).as(call).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getHeader("Retry-After")).as(call).isNotBlank();
        // Two read attempts of 1 s connect + 1 s read each, plus backoff: well under 10 s, never a hang.
        assertThat(took).as(call + " took").isLessThan(Duration.ofSeconds(10));
      }
    }
    long started = System.nanoTime();
    assertThat(http.perform(routes.get("POST /api/identity/users")).andReturn().getResponse().getStatus()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("with the breaker open").isLessThan(Duration.ofMillis(500));

    assertThat(mongo.getCollection("tenants").countDocuments(new Document("_id", tenant))).isZero();
    for (String collection : List.of("members", "pods", "delegations")) {
      assertThat(mongo.getCollection(collection).countDocuments(new Document("tenantId", tenant))).as(collection).isZero();
    }
    assertThat(http.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus()).isEqualTo(503);
  }

  private static ServerSocket silentServer() {
    try {
      return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
