package dev.claraop.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Decides whether a staff caller may read under the grant they name: it must exist, be theirs, and be active.
 * Answers come from a {@link GrantSource} and an ACTIVE one is reused for at most
 * {@link SupportAccessSettings#grantCacheTtl()} (per grant and caller): that is how long a grant can keep
 * working after its ticket closes or it is revoked. Its expiry needs no fresh answer and is checked every time.
 */
public class SupportGrants {

  // Grant ids are support-access-service's UUIDs; anything else is refused before it reaches a URL.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private final GrantSource source;
  private final Clock clock;
  private final Cache<String, SupportGrant> active;

  public SupportGrants(GrantSource source, SupportAccessSettings settings, Clock clock) {
    this.source = source;
    this.clock = clock;
    this.active = Caffeine.newBuilder()
        .expireAfterWrite(settings.grantCacheTtl())
        .maximumSize(10_000)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .build();
  }

  /**
   * The grant {@code staff} reads under.
   *
   * @throws SupportGrantRefused when it does not exist, is someone else's, or is not active now
   * @throws GrantCheckFailed when it could not be checked
   */
  public SupportGrant admit(ClaraPrincipal staff, String grantId, String bearerToken) {
    if (!staff.isStaff()) throw new SupportGrantRefused("Only staff act under a support grant.");
    if (grantId == null || !ID.matcher(grantId.trim()).matches()) throw notYours();
    String id = grantId.trim();
    String key = id + '|' + staff.userId();
    SupportGrant grant = active.getIfPresent(key);
    if (grant == null) {
      grant = source.find(id, bearerToken).orElseThrow(SupportGrants::notYours);
      if (grant.activeAt(clock.instant())) active.put(key, grant);
    }
    if (!staff.userId().equals(grant.requestedBy()) || !id.equals(grant.id())) throw notYours();
    if (!grant.activeAt(clock.instant())) {
      throw new SupportGrantRefused("The support grant named in " + SupportGrantFilter.HEADER
          + " is not active: it has ended, expired, or is not approved yet.");
    }
    return grant;
  }

  private static SupportGrantRefused notYours() {
    return new SupportGrantRefused("The support grant named in " + SupportGrantFilter.HEADER
        + " does not exist or is not yours.");
  }
}
