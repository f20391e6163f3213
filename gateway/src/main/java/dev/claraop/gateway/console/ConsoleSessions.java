package dev.claraop.gateway.console;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Ends a console session that has lived longer than its absolute limit, however active it was: the web
 * session only knows an idle timeout. Runs before Spring Security reads the session, so an ended session
 * carries no sign-in and the request is treated as anonymous (401 on the API, the login page on the app).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConsoleSessions implements WebFilter {

  private final ConsoleSettings settings;
  private final Clock clock;

  @Autowired
  ConsoleSessions(ConsoleSettings settings) {
    this(settings, Clock.systemUTC());
  }

  ConsoleSessions(ConsoleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange.getSession()
        .flatMap(session -> session.isStarted() && tooOld(session.getCreationTime()) ? session.invalidate() : Mono.empty())
        .then(chain.filter(exchange));
  }

  private boolean tooOld(Instant created) {
    return created.plus(settings.sessionMaxAge()).isBefore(clock.instant());
  }
}
