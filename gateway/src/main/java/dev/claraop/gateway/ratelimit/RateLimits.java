package dev.claraop.gateway.ratelimit;

import dev.claraop.gateway.edge.KnownTokens;
import dev.claraop.gateway.edge.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every request spends from one budget, chosen by who is calling and where: a password login from the
 * login budget of that username at that address; a public form from the forms budget of the address; a
 * signed-in user from their own budget; anyone else from their address's. An empty budget answers 429
 * with {@code Retry-After} and the request goes no further.
 *
 * <p>Runs after authentication, so a user is known. Anonymous callers spend earlier, before their token is
 * checked ({@link #beforeAuthentication()}): no token, a forged or expired one, or one this gateway has not
 * found valid yet, so a flood of forged tokens meets 429 without costing a signature check each.
 */
public class RateLimits implements WebFilter {

  static final String TOKEN_PATH = "/realms/claraop/protocol/openid-connect/token";
  private static final String SPENT_ANONYMOUSLY = RateLimits.class.getName() + ".anonymous";
  private static final int MAX_LOGIN_FORM_BYTES = 8 * 1024;

  private final Budgets.Store budgets;
  private final Map<String, RateLimitPolicy> policies;
  private final RemoteAddressResolver addresses;
  private final MeterRegistry meters;
  private final KnownTokens known;

  RateLimits(Budgets.Store budgets, RateLimitSettings settings, MeterRegistry meters, KnownTokens known) {
    this.known = known;
    this.budgets = budgets;
    this.policies = policies(settings);
    this.addresses = settings.trustedProxies() > 0
        ? XForwardedRemoteAddressResolver.maxTrustedIndex(settings.trustedProxies())
        : new RemoteAddressResolver() {}; // its default: the connection's own address
    this.meters = meters;
    // At 0 from the start, so that a first refusal shows as an increase (alerts.yml).
    policies.keySet().forEach(policy -> limited(policy));
  }

  private Counter limited(String policy) {
    return meters.counter("claraop.gateway.rate.limited", "policy", policy);
  }

  static Map<String, RateLimitPolicy> policies(RateLimitSettings settings) {
    return Map.of("user", settings.user(), "anonymous", settings.anonymous(), "login", settings.login(),
        "public-forms", settings.publicForms());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    String address = clientAddress(exchange);
    if (path.equals(TOKEN_PATH) && exchange.getRequest().getMethod() == HttpMethod.POST) {
      return withBody(exchange, (request, form) -> {
        ServerWebExchange replayable = exchange.mutate().request(request).build();
        Optional<String> username = passwordLogin(form);
        return username.isPresent()
            ? spend(replayable, chain, "login", username.get() + "@" + address)
            : spend(replayable, chain, "anonymous", address);
      });
    }
    if (path.startsWith("/api/public/")) return spend(exchange, chain, "public-forms", address);
    return exchange.getPrincipal()
        .map(RateLimits::userId)
        .defaultIfEmpty("")
        .flatMap(user -> user.isEmpty()
            ? (Boolean.TRUE.equals(exchange.getAttribute(SPENT_ANONYMOUSLY)) ? chain.filter(exchange)
                : spend(exchange, chain, "anonymous", address))
            : spend(exchange, chain, "user", user));
  }

  /**
   * The anonymous budget, spent before Spring Security checks a token: by every request that is not known to
   * come from a signed-in caller (a bearer token found valid before, or a console session). The login path
   * and the public forms have budgets of their own and are left to {@link #filter}.
   */
  WebFilter beforeAuthentication() {
    return (exchange, chain) -> {
      String path = exchange.getRequest().getPath().pathWithinApplication().value();
      if (path.equals(TOKEN_PATH) || path.startsWith("/api/public/")) return chain.filter(exchange);
      return caller(exchange).hasElement().flatMap(signedIn -> {
        if (signedIn) return chain.filter(exchange);
        exchange.getAttributes().put(SPENT_ANONYMOUSLY, true);
        return spend(exchange, chain, "anonymous", clientAddress(exchange));
      });
    };
  }

  private static String userId(Principal principal) {
    if (principal instanceof JwtAuthenticationToken jwt) return jwt.getToken().getSubject();
    // The console's session: its user name is the token's sub (user-name-attribute), so one budget per person.
    if (principal instanceof OAuth2AuthenticationToken session) return session.getName();
    return "";
  }

  private Mono<Void> spend(ServerWebExchange exchange, WebFilterChain chain, String policy, String key) {
    return budgets.take(policy, policy + ":" + key).flatMap(response -> {
      if (response.isAllowed()) return chain.filter(exchange);
      limited(policy).increment();
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
          String.valueOf(policies.get(policy).retryAfter().toSeconds()));
      return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
          "Too many requests; try again after the time in Retry-After.");
    });
  }

  /** Who is calling, as far as is known without checking a token: a subject, or empty for anyone else. */
  private Mono<String> caller(ServerWebExchange exchange) {
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
          ? Mono.justOrEmpty(known.subject(authorization.substring(7).trim()))
          : Mono.empty();
    }
    // The console's session: its user name is the token's sub (user-name-attribute), so one budget per person.
    return exchange.getSession()
        .mapNotNull(session -> session.<SecurityContext>getAttribute(
            WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
        .mapNotNull(SecurityContext::getAuthentication)
        .filter(OAuth2AuthenticationToken.class::isInstance)
        .map(authentication -> authentication.getName());
  }

  private String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = addresses.resolve(exchange);
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }

  /** The username of a password grant; other grants (refresh, code) carry proof of an earlier login. */
  static Optional<String> passwordLogin(String form) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) continue;
      fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    if (!"password".equals(fields.get("grant_type"))) return Optional.empty();
    return Optional.of(fields.getOrDefault("username", "").trim().toLowerCase(Locale.ROOT));
  }

  /**
   * Reads the (small) login form so its username can choose the budget, then hands on a request that
   * replays the same bytes to Keycloak.
   */
  private static Mono<Void> withBody(ServerWebExchange exchange,
      BiFunction<ServerHttpRequest, String, Mono<Void>> next) {
    return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_LOGIN_FORM_BYTES)
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .onErrorMap(DataBufferLimitException.class, e -> new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE))
        .defaultIfEmpty(new byte[0])
        .flatMap(bytes -> {
          ServerHttpRequest replay = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
              return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
          };
          return next.apply(replay, new String(bytes, StandardCharsets.UTF_8));
        });
  }
}
