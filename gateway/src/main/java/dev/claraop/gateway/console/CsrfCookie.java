package dev.claraop.gateway.console;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security makes the CSRF token lazily and writes its cookie only when something asks for it. The
 * console reads that cookie and sends it back as {@code X-XSRF-TOKEN}, so responses to a browser with a
 * console session ask for it here. Scripts calling with a bearer token never get one.
 */
public class CsrfCookie implements WebFilter {

  private final String sessionCookie;

  public CsrfCookie(String sessionCookie) {
    this.sessionCookie = sessionCookie;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    boolean console = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/app")
        || exchange.getRequest().getCookies().containsKey(sessionCookie);
    return token == null || !console ? chain.filter(exchange) : token.then(chain.filter(exchange));
  }
}
