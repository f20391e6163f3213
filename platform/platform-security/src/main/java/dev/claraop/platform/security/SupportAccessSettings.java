package dev.claraop.platform.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where services check the grants staff read under ({@code X-Support-Grant}), and how long they may trust an
 * answer.
 *
 * @param url support-access-service's base URL (env {@code CLARAOP_SUPPORTACCESS_URL}; the devstack's port by default)
 * @param grantCacheTtl how long an ACTIVE answer is reused: <b>the bound on how long a grant keeps working after
 *     its ticket closes or it is revoked</b> (its expiry is checked at every request, with no delay)
 * @param timeout connect and read timeout of one check; past it the read is refused (503), never admitted
 */
@ConfigurationProperties("claraop.support-access")
public record SupportAccessSettings(URI url, Duration grantCacheTtl, Duration timeout) {

  public SupportAccessSettings {
    if (url == null) url = URI.create("http://127.0.0.1:8086");
    if (grantCacheTtl == null) grantCacheTtl = Duration.ofSeconds(5);
    if (timeout == null) timeout = Duration.ofSeconds(2);
    if (grantCacheTtl.isNegative()) throw new IllegalArgumentException("grant-cache-ttl must not be negative");
  }
}
