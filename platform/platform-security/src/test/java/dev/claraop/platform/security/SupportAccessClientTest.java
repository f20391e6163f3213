package dev.claraop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check against support-access-service over real HTTP: the caller's own token, and every way it can fail. */
class SupportAccessClientTest {

  HttpServer server;
  final AtomicReference<String> authorization = new AtomicReference<>();
  volatile int status = 200;
  volatile String body = """
      {"id":"g-1","tenantId":"acme","requestedBy":"s-1","approvedBy":"r-1","reason":"LEGAL","ticketId":"SUP-9",
       "scopes":["EMAIL_CONTENT_READ","SOMETHING_NEW"],"status":"ACTIVE","expiresAt":"2026-03-01T13:00:00Z",
       "justification":"court order","basis":"Order 2026/17","consentBy":null,"reviewedBy":"r-1","durationMinutes":60}
      """;
  volatile long delayMillis;
  SupportAccessClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/support-access/grants/", exchange -> {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    client = new SupportAccessClient(new SupportAccessSettings(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, Duration.ofMillis(500)));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void the_grant_is_read_with_the_callers_own_token_and_unknown_scopes_grant_nothing() {
    SupportGrant grant = client.find("g-1", "the-token").orElseThrow();
    assertThat(authorization.get()).isEqualTo("Bearer the-token");
    assertThat(grant).isEqualTo(new SupportGrant("g-1", "acme", "s-1", List.of("r-1"), "LEGAL", "SUP-9",
        Set.of(GrantScope.EMAIL_CONTENT_READ), "ACTIVE", Instant.parse("2026-03-01T13:00:00Z"), "Order 2026/17"));
  }

  @Test
  void a_grant_the_caller_may_not_see_is_no_grant() {
    status = 404;
    body = "{\"status\":404}";
    assertThat(client.find("g-1", "t")).isEmpty();
  }

  @Test
  void an_error_a_timeout_an_unreadable_answer_or_no_service_at_all_is_a_failed_check() {
    status = 503;
    assertThatThrownBy(() -> client.find("g-1", "t")).isInstanceOf(GrantCheckFailed.class);
    status = 200;
    body = "not json";
    assertThatThrownBy(() -> client.find("g-1", "t")).isInstanceOf(GrantCheckFailed.class);
    body = "{}";
    delayMillis = 1500;
    assertThatThrownBy(() -> client.find("g-1", "t")).isInstanceOf(GrantCheckFailed.class);
    server.stop(0);
    assertThatThrownBy(() -> client.find("g-1", "t")).isInstanceOf(GrantCheckFailed.class);
  }
}
