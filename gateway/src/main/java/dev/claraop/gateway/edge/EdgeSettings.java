package dev.claraop.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param publicHost the host name clients use, for the HTTPS URL that plain HTTP is redirected to (never
 *     taken from the request's Host header, which the client controls)
 * @param httpRedirectPort the plain-HTTP port that only answers 301; 0 picks a free port, -1 disables it
 * @param maxBodySize the largest request body passed on to a service (our API takes small JSON documents)
 */
@ConfigurationProperties("claraop.gateway")
public record EdgeSettings(
    @DefaultValue("localhost") String publicHost,
    @DefaultValue("8080") int httpRedirectPort,
    @DefaultValue("127.0.0.1") String bindAddress,
    @DefaultValue("256KB") DataSize maxBodySize) {}
