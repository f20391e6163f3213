package dev.claraop.gateway.edge;

/** The port plain HTTP is answered on (with 301s only); 0 in the settings binds a free one. */
public interface HttpRedirectPort {
  int value();
}
