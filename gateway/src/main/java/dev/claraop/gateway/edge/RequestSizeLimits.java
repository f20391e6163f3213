package dev.claraop.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Bodies are refused before they reach a service: over the limit is 413; a body without a declared length
 * (chunked) is 411, because its size would only be known once it had been streamed on. Header and line
 * sizes are limited by the HTTP server itself ({@code server.max-http-request-header-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimits implements WebFilter {

  private final long maxBodyBytes;

  RequestSizeLimits(EdgeSettings settings) {
    this.maxBodyBytes = settings.maxBodySize().toBytes();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    long length = headers.getContentLength();
    if (length > maxBodyBytes) {
      return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
          "The request body is larger than " + maxBodyBytes + " bytes.");
    }
    if (length < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return Problems.write(exchange, HttpStatus.LENGTH_REQUIRED, "Length required",
          "A request body must declare its length (Content-Length).");
    }
    return chain.filter(exchange);
  }
}
