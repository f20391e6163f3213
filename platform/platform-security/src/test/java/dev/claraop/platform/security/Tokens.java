package dev.claraop.platform.security;

import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** Access tokens shaped as the claraop realm issues them (tenant_id, roles, delegations). */
final class Tokens {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String OPERATOR = "22222222-0000-4000-8000-0000000000aa";

  static Jwt tenantUser(String sub, String tenant, List<String> roles, List<String> delegations) {
    Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject(sub).claim("tenant_id", tenant)
        .claim("roles", roles).issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(240));
    if (delegations != null) token.claim("delegations", delegations);
    return token.build();
  }

  static Jwt staff(String sub, String role, List<String> delegations) {
    Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject(sub).claim("roles", List.of(role))
        .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(240));
    if (delegations != null) token.claim("delegations", delegations);
    return token.build();
  }

  /** An operator of tenant {@code other} with the given delegation entries. */
  static Jwt operator(String... delegations) {
    return tenantUser(OPERATOR, "other", List.of("CREATOR", "default-roles-claraop"), List.of(delegations));
  }

  static String entry(String tenant, String role, Instant expiresAt, String id) {
    return tenant + ":" + role + ":" + expiresAt.getEpochSecond() + ":" + id;
  }

  private Tokens() {}
}
