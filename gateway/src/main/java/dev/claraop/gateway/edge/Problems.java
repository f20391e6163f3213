package dev.claraop.gateway.edge;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** RFC 9457 problem documents written by the gateway itself (it has no MVC advice to lean on). */
public final class Problems {

  public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) return Mono.empty();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer buffer = response.bufferFactory().wrap(body(exchange, status, title, detail).getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }

  /** The document itself; titles and details are our own constant texts, never input. */
  public static String body(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
    String requestId = exchange.getAttribute(CorrelationIds.ATTRIBUTE);
    return "{\"type\":\"https://claraop.dev/problems/" + slug(title) + "\",\"title\":\"" + title
        + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\""
        + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}";
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  private Problems() {}
}
