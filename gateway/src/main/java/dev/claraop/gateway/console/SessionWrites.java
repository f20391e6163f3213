package dev.claraop.gateway.console;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The requests that must carry a CSRF token: state-changing ones that a browser's console session could
 * authenticate. A request with a bearer token is exempt (a cross-site page cannot make a browser add one),
 * and so is one without the session cookie, which no session authenticates (it meets 401, not 403). The
 * public forms take no sign-in at all, so a session adds nothing to them.
 */
public class SessionWrites implements ServerWebExchangeMatcher {

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
  private final String sessionCookie;

  public SessionWrites(String sessionCookie) {
    this.sessionCookie = sessionCookie;
  }

  @Override
  public Mono<MatchResult> matches(ServerWebExchange exchange) {
    var request = exchange.getRequest();
    boolean write = !SAFE.contains(request.getMethod());
    boolean bearer = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    boolean session = request.getCookies().containsKey(sessionCookie);
    boolean open = request.getPath().pathWithinApplication().value().startsWith("/api/public/");
    return write && !bearer && session && !open ? MatchResult.match() : MatchResult.notMatch();
  }
}
