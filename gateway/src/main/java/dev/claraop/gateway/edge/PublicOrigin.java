package dev.claraop.gateway.edge;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The HTTPS origin clients use: the configured public host and the port actually bound. Never taken from
 * the request's Host header, which the client controls.
 */
@Component
public class PublicOrigin {

  private final EdgeSettings settings;
  private final WebServerApplicationContext context;

  PublicOrigin(EdgeSettings settings, WebServerApplicationContext context) {
    this.settings = settings;
    this.context = context;
  }

  public String value() {
    int port = context.getWebServer().getPort();
    return "https://" + settings.publicHost() + (port == 443 ? "" : ":" + port);
  }
}
