package dev.claraop.gateway.edge;

import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code X-Request-Id} in and out: a caller's plain id is kept, anything else is replaced, and the id is
 * passed to the service behind so that one request's log lines share it across the suite. Each API call
 * is logged once, as a JSON line carrying the id (method, path, status, duration; never the query string,
 * which may carry a token or personal data).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIds implements WebFilter {

  private static final Logger log = LoggerFactory.getLogger(CorrelationIds.class);

  static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = "claraop.requestId";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String given = exchange.getRequest().getHeaders().getFirst(HEADER);
    String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    exchange.getAttributes().put(ATTRIBUTE, id);
    exchange.getResponse().getHeaders().set(HEADER, id);
    ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
    String path = request.getPath().value();
    long started = System.nanoTime();
    Mono<Void> handled = chain.filter(exchange.mutate().request(request).build())
        .contextWrite(context -> context.put(ATTRIBUTE, id));
    if (!path.startsWith("/api/")) return handled;
    return handled.doFinally(signal -> {
      var status = exchange.getResponse().getStatusCode();
      log.atInfo()
          .addKeyValue("requestId", id)
          .addKeyValue("traceId", traceId(exchange))
          .addKeyValue("method", request.getMethod().name())
          .addKeyValue("path", path)
          .addKeyValue("status", status == null ? 0 : status.value())
          .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
          .log("{} {} {}", request.getMethod().name(), path, status == null ? "-" : status.value());
    });
  }

  /** The trace of this request's server observation: the one its traceparent carries to the service behind. */
  private static String traceId(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
        .map(TracingObservationHandler.TracingContext::getSpan)
        .map(span -> span.context().traceId())
        .orElse("-");
  }
}
