package dev.claraop.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Grants as support-access-service would answer them, changeable mid-test, with a count of the checks made. */
final class Grants implements GrantSource {

  static final String ENGINEER = "s-1";
  static final String OTHER_ENGINEER = "s-2";

  final Map<String, SupportGrant> byId = new ConcurrentHashMap<>();
  final AtomicInteger checks = new AtomicInteger();
  volatile boolean down;

  static SupportGrant active(String id, String tenant, String engineer, Set<GrantScope> scopes, Instant expiresAt) {
    return new SupportGrant(id, tenant, engineer, List.of("a-1"), "SUPPORT_TICKET", "SUP-7", scopes, "ACTIVE",
        expiresAt, null);
  }

  static SupportGrant ended(SupportGrant grant) {
    return new SupportGrant(grant.id(), grant.tenantId(), grant.requestedBy(), grant.approvedBy(), grant.reason(),
        grant.ticketId(), grant.scopes(), "ENDED", grant.expiresAt(), grant.basis());
  }

  Grants with(SupportGrant grant) {
    byId.put(grant.id(), grant);
    return this;
  }

  @Override
  public Optional<SupportGrant> find(String grantId, String bearerToken) {
    checks.incrementAndGet();
    if (down) throw new GrantCheckFailed("down", null);
    return Optional.ofNullable(byId.get(grantId));
  }
}
