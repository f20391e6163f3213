package dev.claraop.gateway.edge;

import dev.claraop.gateway.console.ConsoleSettings;
import dev.claraop.gateway.pages.PublicPages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The headers every response leaves with, whoever produced it (a service behind, a public page, an error).
 * Written just before the response commits, so they replace whatever a service sent instead of sitting
 * beside it; Spring Security's own header writers are off for that reason ({@link EdgeSecurity}).
 *
 * <p>Private areas ({@code /api/**}, {@code /app/**}) are never stored by a cache or indexed; public pages
 * may be cached briefly; the console's hashed assets never change and are kept for a year. Headers that
 * name the software behind us are dropped.
 *
 * <p>The console ({@code /app/**}) runs its own script, so its policy allows scripts, styles and requests
 * from this origin only: no inline code, no {@code eval}, no third party. Its forms may lead to Keycloak,
 * where signing out ends the identity provider's session too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class EdgeHeaders implements WebFilter {

  static final String HSTS = "max-age=63072000; includeSubDomains; preload";
  // Public pages are static HTML with one style sheet and no script; the API serves JSON only.
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
      + "base-uri 'none'; frame-ancestors 'none'";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
      + "magnetometer=(), microphone=(), payment=(), usb=()";

  private final String consoleCsp;

  EdgeHeaders(ConsoleSettings console) {
    this.consoleCsp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self' " + console.keycloakOrigin()
        + "; base-uri 'none'; frame-ancestors 'none'";
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange.getResponse().beforeCommit(() -> {
      HttpHeaders headers = exchange.getResponse().getHeaders();
      headers.set("Strict-Transport-Security", HSTS);
      String path = exchange.getRequest().getPath().pathWithinApplication().value();
      boolean console = path.equals("/app") || path.startsWith("/app/");
      headers.set("Content-Security-Policy", console ? consoleCsp : CSP);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("X-Frame-Options", "DENY");
      headers.set("Referrer-Policy", "no-referrer");
      headers.set("Permissions-Policy", PERMISSIONS);
      headers.set("Cross-Origin-Opener-Policy", "same-origin");
      headers.set("Cross-Origin-Resource-Policy", "same-origin");
      headers.remove("Server");
      headers.remove("X-Powered-By");
      headers.remove("Pragma");
      headers.remove("Expires");
      if (path.startsWith("/app/assets/") && isSuccessful(exchange)) {
        headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
      } else if (isPrivate(exchange) || !isSuccessful(exchange)) {
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("X-Robots-Tag", "noindex, nofollow");
      } else {
        headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
      }
      return Mono.empty();
    });
    return chain.filter(exchange);
  }

  static boolean isPrivate(ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    return !PublicPages.isPublic(path);
  }

  private static boolean isSuccessful(ServerWebExchange exchange) {
    var status = exchange.getResponse().getStatusCode();
    return status == null || status.is2xxSuccessful();
  }
}
