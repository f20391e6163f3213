package dev.claraop.identity.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long identity-service waits for Keycloak and how it backs off: every call is bounded by the two
 * timeouts; reads are tried {@code readAttempts} times with exponential backoff from {@code backoff}; after
 * repeated outages the breaker stays open {@code openFor}, answering 503 at once instead of waiting.
 */
@ConfigurationProperties("claraop.identity.directory")
public record DirectorySettings(
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("3") int readAttempts,
    @DefaultValue("200ms") Duration backoff,
    @DefaultValue("30s") Duration openFor) {}
