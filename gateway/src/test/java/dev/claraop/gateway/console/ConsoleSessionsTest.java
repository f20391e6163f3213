package dev.claraop.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

class ConsoleSessionsTest {

  private final ConsoleSettings settings = new ConsoleSettings(Duration.ofHours(24), "http://localhost:8180", "");

  @Test
  void a_session_older_than_its_absolute_limit_is_ended_however_busy_it_was() {
    WebSession session = started(Instant.parse("2026-12-01T08:00:00Z"));
    run(session, Instant.parse("2026-12-02T08:00:01Z"));
    assertThat(session.isExpired() || !session.isStarted() || session.getAttributes().isEmpty()).isTrue();
    assertThat(session.getAttributes()).doesNotContainKey("SPRING_SECURITY_CONTEXT");
  }

  @Test
  void a_session_within_its_absolute_limit_is_kept() {
    WebSession session = started(Instant.parse("2026-12-01T08:00:00Z"));
    run(session, Instant.parse("2026-12-02T07:59:59Z"));
    assertThat(session.getAttributes()).containsKey("SPRING_SECURITY_CONTEXT");
  }

  private WebSession started(Instant created) {
    var store = new org.springframework.web.server.session.InMemoryWebSessionStore();
    store.setClock(Clock.fixed(created, ZoneOffset.UTC));
    WebSession session = store.createWebSession().block();
    session.getAttributes().put("SPRING_SECURITY_CONTEXT", "signed in");
    session.start();
    return session;
  }

  private void run(WebSession session, Instant now) {
    MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/api/invoices"))
        .session(session).build();
    new ConsoleSessions(settings, Clock.fixed(now, ZoneOffset.UTC)).filter(exchange, e -> Mono.empty()).block();
  }
}
