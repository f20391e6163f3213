package dev.claraop.gateway.edge;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Plain HTTP only ever answers 301 to the same path on HTTPS; nothing is served over it, not even health.
 * Started after the HTTPS server so that the redirect names the port actually bound.
 */
@Component
class HttpToHttpsRedirect implements SmartLifecycle, HttpRedirectPort {

  private final EdgeSettings settings;
  private final PublicOrigin publicOrigin;
  private volatile DisposableServer server;

  HttpToHttpsRedirect(EdgeSettings settings, PublicOrigin publicOrigin) {
    this.settings = settings;
    this.publicOrigin = publicOrigin;
  }

  @Override
  public void start() {
    if (settings.httpRedirectPort() < 0) return;
    String origin = publicOrigin.value();
    server = HttpServer.create()
        .host(settings.bindAddress())
        .port(settings.httpRedirectPort())
        .handle((request, response) -> response.status(HttpResponseStatus.MOVED_PERMANENTLY)
            .header("Location", origin + request.uri())
            .header("Content-Length", "0")
            .send())
        .bindNow();
  }

  @Override
  public int value() {
    return server == null ? -1 : server.port();
  }

  @Override
  public void stop() {
    if (server != null) server.disposeNow();
    server = null;
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1; // after the web server's own lifecycle
  }
}
